// What a person meets first, in Firefox ESR as in Chromium: the toolbar button says what it counts
// and looks different when paused or when nothing was found; one mark's panel is open at a time and
// says what the popup says of that post; "This is wrong" in the popup drops the badge at once and
// Undo in the options brings it back; in the Arabic popup, quoted English keeps its order and an
// English post's words start from the left.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectedFromCli } from '../harness/cli.mjs';
import { expectedTitle } from '../harness/expected.mjs';
import { xFeedHtml } from '../harness/feeds.mjs';
import { until, useFirefox } from '../harness/firefox.mjs';
import { layoutPage, settled } from '../harness/layout.mjs';
import { waitForMarks } from '../harness/marks.mjs';
import {
  chipCentres,
  isolationProblems,
  markAreas,
  openPanels,
  popupExplanations,
} from '../harness/panels.mjs';

const FEED = { url: 'http://x.com/home', html: xFeedHtml(12) };
const POSTS = {
  url: 'http://blog.example.org/posts',
  html: layoutPage().replace(
    '<article class="post" id="plain"',
    '<article class="post" id="hashtag" style="padding:12px"><p>My newsletter is written with Jasper now. Honestly the best AI writer #ad</p></article><article class="post" id="plain"',
  ),
};
const QUIET = {
  url: 'http://news.example.org/plain',
  html: '<!doctype html><html lang="en"><body><article><p>Rain is expected tomorrow across the region.</p></article></body></html>',
};

// Tall enough that every post of POSTS is in view, as in the Chromium suite.
const firefox = useFirefox(() => Object.fromEntries([FEED, POSTS, QUIET].map((p) => [p.url, p.html])), {
  viewport: { width: 1024, height: 1100 },
});

/** Opens a page and waits until its badge shows what the CLI expects of it. */
async function open({ url, html }) {
  const expected = expectedFromCli(html, url);
  const page = await firefox.browser.newPage();
  await page.goto(url);
  const tabId = await firefox.tabIdOf(url);
  await firefox.waitForBadge(tabId, (b) => b.text === expected.badge);
  return { ...expected, page, tabId };
}

test('the badge says what it counts; paused and nothing found look different', async () => {
  const { items, page, tabId, badge } = await open(FEED);
  assert.equal((await firefox.badge(tabId)).title, expectedTitle(items));

  await firefox.setSettings({ pausedSites: ['x.com'] });
  const paused = await firefox.waitForBadge(tabId, (b) => b.text === '⏸');
  assert.equal(paused.title, 'Basira: paused on this site');
  await firefox.setSettings({ pausedSites: [] });
  await firefox.waitForBadge(tabId, (b) => b.text === badge);

  const quiet = await open(QUIET);
  const settled = await firefox.waitForBadge(quiet.tabId, (b) => !/^Basira(: reading|$)/.test(b.title));
  assert.deepEqual(settled, { text: '', title: 'Basira: nothing flagged on this page' });
  await quiet.page.close();
  await page.close();
});

test('one panel at a time, closed by Escape from anywhere; each says what the popup says', async () => {
  const { page, tabId, count } = await open(POSTS);
  await waitForMarks(page, count);
  await settled(page); // placed after the page's next layout
  const chips = await page.evaluate(chipCentres);
  assert.ok(chips.every(Boolean), 'every chip is visible');
  const closed = await page.evaluate(markAreas);
  const openNow = async () => openPanels(await page.evaluate(markAreas), closed);

  await page.mouse.click(chips[0].x, chips[0].y);
  assert.deepEqual(await openNow(), [0]);
  await page.mouse.click(chips[1].x, chips[1].y);
  assert.deepEqual(await openNow(), [1], 'opening another closes the first');
  await page.focus('a[href="#more"]');
  await page.keyboard.press('Escape');
  assert.deepEqual(await openNow(), []);
  const focused = await page.evaluate(() =>
    [...document.querySelectorAll('basira-mark')].indexOf(document.activeElement),
  );
  assert.equal(focused, 1, 'focus is back on the chip');

  // The panel's words: Firefox's find-in-page reads the closed shadow root, and only what shows.
  const popup = await firefox.openPopup(tabId);
  await until(popup, (n) => document.querySelectorAll('.finding').length === n, count);
  const listed = await popup.evaluate(popupExplanations);
  await popup.close();
  // Whether all of `texts` show in the page; find scrolls to what it finds, so the scroll is put back.
  const shown = (texts) =>
    page.evaluate((all) => {
      const [x, y] = [scrollX, scrollY];
      const found = all.every((t) => {
        getSelection().removeAllRanges();
        return window.find(t, true, false, true);
      });
      scrollTo(x, y);
      return found;
    }, texts);
  const matched = new Set();
  for (const [i, chip] of chips.entries()) {
    const lines = listed.map((f) => [f.why, ...f.lines]);
    assert.deepEqual(
      await Promise.all(lines.map(shown)),
      lines.map(() => false),
      'closed: nothing shows',
    );
    await page.mouse.click(chip.x, chip.y);
    assert.deepEqual(await openNow(), [i]);
    const hits = [];
    for (const [j, l] of lines.entries()) if (await shown(l)) hits.push(j);
    assert.ok(hits.length > 0, `the panel of mark ${i} shows every line the popup has for its post`);
    for (const j of hits) matched.add(j);
    await page.keyboard.press('Escape');
  }
  assert.equal(matched.size, listed.length, 'every finding of the popup is explained in a panel');
  await page.close();
});

test('"This is wrong" in the popup drops the badge at once; Undo in the options restores it', async () => {
  const { page, tabId, badge, count } = await open(POSTS);
  const popup = await firefox.openPopup(tabId);
  await until(popup, (n) => document.querySelectorAll('.finding').length === n, count);
  // Clicked in the page: puppeteer's clicks do not reach a moz-extension:// page over BiDi.
  await popup.evaluate(() => document.querySelector('.finding .wrong').click());
  await until(popup, () => !!document.querySelector('.corrections [data-correction="hide"]'));
  await popup.evaluate(() => document.querySelector('.corrections [data-correction="hide"]').click());
  await firefox.waitForBadge(tabId, (b) => b.text === String(count - 1));
  await until(popup, (n) => document.querySelectorAll('.finding').length === n, count - 1);
  await popup.close();

  const options = await firefox.openOptions();
  await until(options, () => !!document.querySelector('#corrections li button'));
  await options.evaluate(() => document.querySelector('#corrections li button').click());
  await until(options, () => !document.querySelector('#corrections li'));
  await firefox.waitForBadge(tabId, (b) => b.text === badge);
  await options.close();
  await page.close();
});

test('in the Arabic popup, quoted English keeps its order and an English post reads from the left', async () => {
  await firefox.setSettings({ language: 'ar' });
  try {
    const { page, tabId, count } = await open(POSTS);
    const popup = await firefox.openPopup(tabId);
    await until(popup, (n) => document.querySelectorAll('.finding').length === n, count);
    assert.equal(await popup.evaluate(() => document.documentElement.dir), 'rtl');
    const isolation = await popup.evaluate(
      `(${isolationProblems.toString()})(document.querySelectorAll('.finding .why, .finding .cues'))`,
    );
    assert.deepEqual(isolation.problems, []);
    assert.ok(isolation.checked >= 3, 'English runs were checked');
    // Each post's words start on their own side: an English post's first word at the left edge.
    const starts = await popup.evaluate(() =>
      [...document.querySelectorAll('.snippet')].map((q) => {
        const box = q.getBoundingClientRect();
        const style = getComputedStyle(q);
        // The first character's box (a range over the whole quote lists its elements' boxes first).
        const walker = document.createTreeWalker(q, NodeFilter.SHOW_TEXT);
        let text = walker.nextNode();
        while (text && !/\S/.test(text.data)) text = walker.nextNode();
        const at = text.data.search(/\S/);
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + 1);
        const first = range.getBoundingClientRect();
        const english = /^[\s…]*[A-Za-z]/.test(q.textContent);
        return {
          english,
          gap: english
            ? first.left -
              box.left -
              Number.parseFloat(style.paddingLeft) -
              Number.parseFloat(style.borderLeftWidth)
            : box.right - first.right - Number.parseFloat(style.paddingRight),
        };
      }),
    );
    assert.ok(starts.some((s) => s.english) && starts.some((s) => !s.english));
    for (const s of starts)
      assert.ok(Math.abs(s.gap) < 4, `a post starts at its own edge (${JSON.stringify(s)})`);
    await popup.close();
    await page.close();
  } finally {
    await firefox.setSettings({ language: 'auto' });
  }
});
