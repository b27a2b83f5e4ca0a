// The content script's lifecycle in Chromium: text revealed by "…more" is rescanned, marks and
// the badge follow the settings, and findings survive the service worker being stopped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useChromium } from '../harness/chromium.mjs';
import { expectedFromCli } from '../harness/cli.mjs';
import { BADGE_RGBA, expectedTitle } from '../harness/expected.mjs';
import { xFeedHtml, xFeedOf, xPost } from '../harness/feeds.mjs';
import { allMarks, waitForMarks } from '../harness/marks.mjs';

const browser = useChromium();

/** Opens an X-like feed of `n` posts and waits until the badge shows what the CLI expects of it. */
async function openFeed(n) {
  const url = 'https://x.com/home';
  const html = xFeedHtml(n);
  const expected = expectedFromCli(html, url);
  const opened = await browser.open(url, html);
  await browser.waitForBadge(opened.tabId, (t) => t === expected.badge);
  return { ...expected, ...opened, url, html };
}

/** Changes stored settings, as the options page does. */
const setSettings = (patch) =>
  browser.worker.evaluate(async (p) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, ...p } });
  }, patch);

const plainPost = (text) =>
  xPost(0, { text, links: [], labels: [], lang: 'en' }).replace(
    '</article>',
    '<button id="more">Show more</button></article>',
  );

test('text revealed by "Show more" is rescanned', async () => {
  const url = 'https://x.com/someone/status/1';
  const script = `document.getElementById('more').addEventListener('click', () => {
    document.querySelector('[data-testid="tweetText"] span').append(' Use code MAYA30 for 30% off, link in bio!');
  });`;
  const html = xFeedOf(plainPost('I have been using Jasper AI for my newsletter drafts…'), { script });
  const { page, tabId } = await browser.open(url, html);
  await page.waitForTimeout(1500);
  assert.equal((await browser.badge(tabId)).text, '', 'a mention is not counted');
  await page.click('#more');
  const badge = await browser.waitForBadge(tabId, (t) => t === '1');
  assert.deepEqual(badge.color, BADGE_RGBA.red, 'the expanded post is an undisclosed promotion');
  await page.close();
});

test('marks and the badge follow the settings, and findings survive a service-worker restart', async () => {
  const { count, badge: text, page, tabId } = await openFeed(40);
  assert.equal(await allMarks(page), count);

  await setSettings({ marks: false });
  await page.waitForFunction(() => document.querySelectorAll('basira-mark').length === 0);
  assert.equal((await browser.badge(tabId)).text, text, 'the badge still counts');
  await setSettings({ marks: true, badge: false });
  await waitForMarks(page, count);
  await browser.waitForBadge(tabId, (t) => t === '');
  await setSettings({ badge: true });
  await browser.waitForBadge(tabId, (t) => t === text);

  // Marks speak the language chosen in the options (read through the accessibility tree: the
  // marks' shadow roots are closed to the page).
  const cdpAx = await browser.context.newCDPSession(page);
  const markNames = async () => {
    const { nodes } = await cdpAx.send('Accessibility.getFullAXTree');
    return nodes
      .filter((n) => n.role?.value === 'button' && !n.ignored)
      .map((n) => n.name?.value ?? '')
      .filter((n) => /^Basira:|^بصيرة:/.test(n));
  };
  assert.ok((await markNames()).every((n) => n.startsWith('Basira:')));
  await setSettings({ language: 'ar' });
  // The marks are drawn again in Arabic (near the viewport first): wait for that, then scroll.
  for (let i = 0; i < 100; i++) {
    const names = await markNames();
    if (names.length > 0 && names.every((n) => n.startsWith('بصيرة:'))) break;
    await page.waitForTimeout(100);
  }
  await waitForMarks(page, count);
  const arabic = await markNames();
  assert.equal(arabic.length, count);
  assert.ok(
    arabic.every((n) => n.startsWith('بصيرة:')),
    JSON.stringify(arabic.slice(0, 2)),
  );
  await setSettings({ language: 'auto' });

  // Stop the service worker; the popup, served by a fresh worker, shows the same findings.
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.waitForTimeout(500);
  const worker = await browser.context.waitForEvent('serviceworker', { timeout: 3000 }).catch(() => null);
  void worker;
  const popupPage = await browser.context.newPage();
  await popupPage.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  await popupPage.waitForFunction(
    (n) =>
      document.querySelectorAll('[data-verdict]').length === n ||
      document.querySelector(`[data-count="${n}"]`),
    count,
    { timeout: 15_000 },
  );
  await popupPage.close();
  await page.close();
});

test('the badge says what it counts, and paused looks different from nothing found', async () => {
  const { items, badge: text, page, tabId } = await openFeed(12);
  assert.equal((await browser.badge(tabId)).title, expectedTitle(items));

  // In Arabic, the same counts in Arabic words.
  await setSettings({ language: 'ar' });
  for (let i = 0; i < 50 && !(await browser.badge(tabId)).title.startsWith('بصيرة:'); i++)
    await page.waitForTimeout(100);
  assert.match((await browser.badge(tabId)).title, /^بصيرة: /);
  await setSettings({ language: 'auto' });

  // Paused on this site: a grey pause sign and a tooltip that says so, not an empty badge.
  await setSettings({ pausedSites: ['x.com'] });
  const paused = await browser.waitForBadge(tabId, (t) => t === '⏸');
  assert.equal(paused.title, 'Basira: paused on this site');
  await setSettings({ pausedSites: [] });
  await browser.waitForBadge(tabId, (t) => t === text);

  // A page with nothing to flag says so.
  const clear = await browser.open(
    'https://news.example.org/plain',
    '<!doctype html><html lang="en"><body><article><p>Rain is expected tomorrow across the region.</p></article></body></html>',
  );
  for (
    let i = 0;
    i < 50 && (await browser.badge(clear.tabId)).title !== 'Basira: nothing flagged on this page';
    i++
  )
    await clear.page.waitForTimeout(100);
  const quiet = await browser.badge(clear.tabId);
  assert.deepEqual([quiet.text, quiet.title], ['', 'Basira: nothing flagged on this page']);
  await clear.page.close();
  await page.close();
});
