// Foundation, end to end in Chromium: the content script's findings reach the background and set
// the badge for a page at a real address; the popup opened for that tab shows the same state;
// and nothing reaches the network.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { useChromium } from '../harness/chromium.mjs';
import { BADGE_RGBA } from '../harness/expected.mjs';

const browser = useChromium();

test('badge counts flagged items on a generic page and the popup agrees', async () => {
  const url = 'https://news.example.org/2025/ai-creator-deals';
  const html = await readFile('tests/fixtures/pages/generic/ai-news-with-ads.html', 'utf8');
  const { page, tabId } = await browser.open(url, html);
  assert.ok(tabId, 'active tab found');
  // The news story is a mention; the labelled ad unit is sponsored; the sidebar promo with a code
  // and a ref link is undisclosed: two flagged, red.
  const badge = await browser.waitForBadge(tabId, (t) => t === '2');
  assert.deepEqual(badge.color, BADGE_RGBA.red);

  // Marks sit on exactly the two flagged items, inside closed shadow roots.
  const marked = await page.evaluate(() =>
    [...document.querySelectorAll('basira-mark')].map(
      (m) => m.parentElement?.id || m.parentElement?.className,
    ),
  );
  assert.deepEqual(marked.sort(), ['ad-unit', 'promo-box']);
  assert.equal(await page.evaluate(() => document.querySelector('basira-mark').shadowRoot), null);

  const popup = await browser.openPopup();
  const count = await popup.waitFor(`document.querySelector('.status[data-state="done"]')?.dataset.count`);
  assert.equal(count, '2');
  const verdicts = await popup.evaluate(
    `[...document.querySelectorAll('.findings li')].map(li => li.dataset.verdict)`,
  );
  assert.deepEqual(verdicts.sort(), ['sponsored', 'undisclosed']);
  await popup.close();
  await page.close();
  assert.deepEqual(browser.blockedBesidesFavicon(), [], 'no request left the machine');
});
