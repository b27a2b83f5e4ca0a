// Renders public/icon/basira.svg to the PNG sizes the manifest uses, with Debian's Chromium.
// Run after changing the SVG: `npm run icons`.
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CHROME_PATH } from '../harness/chromium.mjs';

const SIZES = [16, 32, 48, 96, 128];
const svg = await readFile('public/icon/basira.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: CHROME_PATH,
  args: ['--no-sandbox', '--disable-gpu', '--headless=new'],
});
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`,
    );
    await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`icons: ${SIZES.join(', ')} px written to public/icon/`);
