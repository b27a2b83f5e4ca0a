// Firefox runs the same paths as Chromium: the platforms' content script at the platform's own
// address (served through the loopback proxy of tests/harness/firefox.mjs), items analyzed by the
// engine in the add-on's background script, marks drawn from its answers; posts appended in
// bursts, and SPA navigation (a timer where Firefox ESR has no Navigation API).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectedFromCli } from '../harness/cli.mjs';
import { xBurstFeedHtml, xFeedHtml, xFeedOf, xPost } from '../harness/feeds.mjs';
import { useFirefox } from '../harness/firefox.mjs';
import { allMarks, waitForMarks } from '../harness/marks.mjs';

const FEED = xFeedHtml(120);
const BURSTS = xBurstFeedHtml(20, 300, 50, 150);
const SECOND = Array.from({ length: 6 }, (_, i) => xPost(1000 + i)).join('');
const SPA = xFeedHtml(30, {
  script: `window.goExplore = () => {
    history.pushState({}, '', '/explore');
    document.getElementById('feed').innerHTML = ${JSON.stringify(SECOND)};
  };`,
});

const firefox = useFirefox(() => ({
  'http://x.com/home': FEED,
  'http://x.com/bursts': BURSTS,
  'http://x.com/spa': SPA,
}));

test('an X-like feed at x.com: the background analyzes, every flagged post is marked', async () => {
  const { count } = expectedFromCli(FEED, 'http://x.com/home');
  assert.ok(count > 20, `the feed has flagged posts (${count})`);
  const page = await firefox.browser.newPage();
  await page.goto('http://x.com/home');
  await waitForMarks(page, count);
  // It stays so: nothing is marked twice.
  await new Promise((r) => setTimeout(r, 800));
  assert.equal(await allMarks(page), count);
  await page.close();
});

test('posts appended in bursts of 50 are all marked', async () => {
  const { count } = expectedFromCli(xFeedHtml(320), 'http://x.com/bursts');
  const page = await firefox.browser.newPage();
  await page.goto('http://x.com/bursts');
  await page.waitForFunction(() => document.title === 'done', { timeout: 30_000 });
  await waitForMarks(page, count);
  await page.close();
});

test('SPA navigation starts the count again on the new page', async () => {
  const first = expectedFromCli(xFeedHtml(30), 'http://x.com/spa').count;
  const second = expectedFromCli(xFeedOf(SECOND), 'http://x.com/explore').count;
  assert.notEqual(first, second);
  const page = await firefox.browser.newPage();
  await page.goto('http://x.com/spa');
  await waitForMarks(page, first);
  await page.evaluate(() => window.goExplore());
  await waitForMarks(page, second);
  await page.close();
});
