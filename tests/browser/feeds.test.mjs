// Infinite feeds in Chromium: posts appended in bursts are all counted, SPA navigation resets the
// count, and a 2,000-post feed is scanned without adding a long task to the page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch } from '../harness/chromium.mjs';
import { countsOnBadge, scanHtml } from '../harness/cli.mjs';
import { xBurstFeedHtml, xFeedHtml, xPost } from '../harness/feeds.mjs';

const expectedCount = (html, url) => scanHtml(html, url).items.filter(countsOnBadge).length;
const badgeText = (n) => (n === 0 ? '' : n > 999 ? '999+' : String(n));

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('500 posts appended in bursts of 50 are all counted', async () => {
  const url = 'https://x.com/home';
  browser.serve(url, xBurstFeedHtml(20, 500, 50, 150));
  const want = expectedCount(xFeedHtml(520), url);
  assert.ok(want > 100, `the feed has flagged posts (${want})`);
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'done', null, { timeout: 30_000 });
  const tabId = await browser.activeTabId(page);
  await browser.waitForBadge(tabId, (t) => t === badgeText(want), 30_000);
  assert.equal(await page.evaluate(() => document.querySelectorAll('basira-mark').length), want);
  await page.close();
});

test('SPA navigation resets the count to the new page', async () => {
  const url = 'https://x.com/home';
  const second = Array.from({ length: 6 }, (_, i) => xPost(1000 + i)).join('');
  const wantSecond = expectedCount(
    xFeedHtml(0).replace('<div id="feed"></div>', `<div id="feed">${second}</div>`),
    'https://x.com/explore',
  );
  const script = `window.goExplore = () => {
    history.pushState({}, '', '/explore');
    document.getElementById('feed').innerHTML = ${JSON.stringify(second)};
  };`;
  browser.serve(url, xFeedHtml(30, { script }));
  const wantFirst = expectedCount(xFeedHtml(30), url);
  assert.notEqual(wantFirst, wantSecond);
  const page = await browser.context.newPage();
  await page.goto(url);
  const tabId = await browser.activeTabId(page);
  await browser.waitForBadge(tabId, (t) => t === badgeText(wantFirst));
  await page.evaluate(() => window.goExplore());
  await browser.waitForBadge(tabId, (t) => t === badgeText(wantSecond));
  assert.equal(await page.evaluate(() => document.querySelectorAll('basira-mark').length), wantSecond);
  await page.close();
});

test('a 2,000-post feed is scanned without adding a long task', async () => {
  const url = 'https://x.com/home';
  const html = xFeedHtml(2000);
  const want = expectedCount(html, url);
  const observe = () => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  };
  const longTasksAfterLoad = (page) =>
    page.evaluate(() => {
      const loaded = performance.getEntriesByType('navigation')[0].loadEventEnd;
      return window.__longTasks.filter((t) => t.start >= loaded).map((t) => Math.round(t.duration));
    });

  // Baseline: the same page without Basira, observed for as long as Basira needs below.
  const bare = await launch({ extension: false });
  bare.serve(url, html);
  const plain = await bare.context.newPage();
  await plain.addInitScript(observe);
  await plain.goto(url);

  browser.serve(url, html);
  const page = await browser.context.newPage();
  await page.addInitScript(observe);
  const started = Date.now();
  await page.goto(url);
  const tabId = await browser.activeTabId(page);
  await browser.waitForBadge(tabId, (t) => t === badgeText(want), 60_000);
  const scanMs = Date.now() - started;
  await new Promise((r) => setTimeout(r, 500));
  const withBasira = await longTasksAfterLoad(page);
  const baseline = await longTasksAfterLoad(plain);
  await bare.close();
  console.log(
    `2,000 posts: ${want} flagged, badge after ${scanMs} ms; long tasks after load: with Basira ${JSON.stringify(withBasira)}, without ${JSON.stringify(baseline)}`,
  );
  assert.ok(
    withBasira.length <= baseline.length,
    `Basira added long tasks: ${JSON.stringify(withBasira)} vs ${JSON.stringify(baseline)}`,
  );
  await page.close();
});
