// The content script's lifecycle in Chromium: text revealed by "…more" is rescanned, marks and
// the badge follow the settings, and findings survive the service worker being stopped.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch } from '../harness/chromium.mjs';
import { countsOnBadge, scanHtml } from '../harness/cli.mjs';
import { xFeedHtml, xPost } from '../harness/feeds.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

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
  browser.serve(
    url,
    xFeedHtml(0, { script }).replace(
      '<div id="feed"></div>',
      `<div id="feed">${plainPost('I have been using Jasper AI for my newsletter drafts…')}</div>`,
    ),
  );
  const page = await browser.context.newPage();
  await page.goto(url);
  const tabId = await browser.activeTabId(page);
  await page.waitForTimeout(1500);
  assert.equal((await browser.badge(tabId)).text, '', 'a mention is not counted');
  await page.click('#more');
  const badge = await browser.waitForBadge(tabId, (t) => t === '1');
  assert.deepEqual(badge.color, [179, 38, 30, 255], 'the expanded post is an undisclosed promotion');
  await page.close();
});

test('marks and the badge follow the settings, and findings survive a service-worker restart', async () => {
  const url = 'https://x.com/home';
  const html = xFeedHtml(40);
  const text = String(scanHtml(html, url).items.filter(countsOnBadge).length);
  browser.serve(url, html);
  const page = await browser.context.newPage();
  await page.goto(url);
  const tabId = await browser.activeTabId(page);
  await browser.waitForBadge(tabId, (t) => t === text);
  const marks = () => page.evaluate(() => document.querySelectorAll('basira-mark').length);
  assert.equal(await marks(), Number(text));

  const setSettings = (patch) =>
    browser.worker.evaluate(async (p) => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...settings, ...p } });
    }, patch);
  await setSettings({ marks: false });
  await page.waitForFunction(() => document.querySelectorAll('basira-mark').length === 0);
  assert.equal((await browser.badge(tabId)).text, text, 'the badge still counts');
  await setSettings({ marks: true, badge: false });
  await page.waitForFunction((n) => document.querySelectorAll('basira-mark').length === n, Number(text));
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
  await page.waitForFunction((n) => document.querySelectorAll('basira-mark').length === n, Number(text));
  await page.waitForTimeout(500);
  const arabic = await markNames();
  assert.equal(arabic.length, Number(text));
  assert.ok(
    arabic.every((n) => n.startsWith('بصيرة:')),
    JSON.stringify(arabic.slice(0, 2)),
  );
  await setSettings({ language: 'auto' });

  // Stop the service worker; the popup, served by a fresh worker, shows the same findings.
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await page.waitForTimeout(500); // let the debounced session write land
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
    Number(text),
    { timeout: 15_000 },
  );
  await popupPage.close();
  await page.close();
});
