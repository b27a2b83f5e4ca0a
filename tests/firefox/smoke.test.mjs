// Firefox smoke test: Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi, installs
// the Firefox build as a temporary add-on; on a page served from loopback the content script runs
// the engine and marks exactly the flagged posts.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { GECKO_ID, useFirefox } from '../harness/firefox.mjs';

const PROMO = 'This AI writing tool changed my life! Use my code SAVE20 at jasper.ai for 20% off';
/** A page that records every window message it hears, from before any content script starts. */
const LISTENING =
  "<script>window.__heard = []; addEventListener('message', (e) => window.__heard.push(JSON.stringify(e.data ?? null)));</script>";
/** An app shell that renders its posts inside open shadow roots, one of them added later. */
const APP_SHELL = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title></head><body>
<app-shell></app-shell><script>
  const root = document.querySelector('app-shell').attachShadow({ mode: 'open' });
  root.innerHTML = '<main><article><p>${PROMO}</p></article><article><p>We walked to the market today.</p></article></main>';
  setTimeout(() => {
    const w = document.createElement('promo-widget');
    w.attachShadow({ mode: 'open' }).innerHTML = '<article><p>${PROMO.replace('SAVE20', 'WIDGET30')}</p></article>';
    document.body.append(w);
  }, 500);
</script></body></html>`;
const firefox = useFirefox(async () => {
  const html = await readFile('tests/fixtures/pages/generic/ai-news-with-ads.html', 'utf8');
  return { '/story': html, '/listening': LISTENING + html, '/app-shell': APP_SHELL };
});

test('the content script runs in Firefox and marks the flagged posts', async () => {
  const page = await firefox.browser.newPage();
  await page.goto(`${firefox.base}/story`);
  await page.waitForFunction(() => document.querySelectorAll('basira-mark').length >= 2, { timeout: 20_000 });
  const marked = await page.evaluate(() =>
    [...document.querySelectorAll('basira-mark')].map(
      (m) => m.parentElement?.id || m.parentElement?.className,
    ),
  );
  assert.deepEqual(marked.sort(), ['ad-unit', 'promo-box']);
});

test("the page hears no window message carrying Basira's id", async () => {
  const page = await firefox.browser.newPage();
  await page.goto(`${firefox.base}/listening`);
  await page.waitForFunction(() => document.querySelectorAll('basira-mark').length >= 2, { timeout: 20_000 });
  const heard = await page.evaluate(() => window.__heard);
  for (const message of heard) {
    assert.ok(
      !message.includes(GECKO_ID) && !message.includes(firefox.uuid),
      `the page heard ${message.slice(0, 200)}`,
    );
  }
  await page.close();
});

test('posts inside open shadow roots are marked in Firefox, also when added later', async () => {
  const page = await firefox.browser.newPage();
  await page.goto(`${firefox.base}/app-shell`);
  await page.waitForFunction(
    () =>
      document.querySelector('app-shell').shadowRoot.querySelectorAll('basira-mark').length === 1 &&
      document.querySelector('promo-widget')?.shadowRoot.querySelectorAll('basira-mark').length === 1,
    { timeout: 20_000 },
  );
  await page.close();
});
