// `npm run demo`: serves a bundled sample feed at its real address and opens Chromium with Basira
// loaded on it. Headful when a display exists; otherwise headless, writing screenshots of the page
// and of the popup to .output/demo/.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { launch } from '../harness/chromium.mjs';

const FEED = { url: 'https://x.com/home', file: 'tests/fixtures/pages/x/feed-en.html' };
const FALLBACK = {
  url: 'https://news.example.org/2025/ai-creator-deals',
  file: 'tests/fixtures/pages/generic/ai-news-with-ads.html',
};
const headful = Boolean(process.env.DISPLAY) && !process.env.CI;

const sample = await readFile(FEED.file, 'utf8')
  .then((html) => ({ ...FEED, html }))
  .catch(async () => ({ ...FALLBACK, html: await readFile(FALLBACK.file, 'utf8') }));

const browser = await launch({ headless: !headful });
browser.serve(sample.url, sample.html);
const page = await browser.context.newPage();
await page.goto(sample.url);
const tabId = await browser.activeTabId(page);
const badge = await browser.waitForBadge(tabId, (t) => t !== '', 20_000).catch(() => ({ text: '' }));
console.log(`Basira on ${sample.url}: badge "${badge.text}"`);

if (headful) {
  console.log('Chromium is open with Basira loaded. Close the window to end the demo.');
  await new Promise((resolve) => browser.context.on('close', resolve));
} else {
  await mkdir('.output/demo', { recursive: true });
  await page.screenshot({ path: '.output/demo/page.png', fullPage: false });
  const popup = await browser.openPopup();
  await popup.waitFor(`document.querySelector('.status[data-state="done"]')`).catch(() => undefined);
  await writeFile('.output/demo/popup.png', await popup.screenshot());
  console.log('Screenshots: .output/demo/page.png, .output/demo/popup.png');
  await browser.close();
}
