// The marks' panels in Chromium, as a person meets them: one open at a time (another chip, a click
// outside and Escape from anywhere close it, and focus goes back to its chip); each says exactly
// what the popup says of that post; and quoted page text keeps its own direction in the Arabic UI,
// in the panel as in the popup.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useChromium } from '../harness/chromium.mjs';
import { expectedFromCli } from '../harness/cli.mjs';
import { layoutPage, settled } from '../harness/layout.mjs';
import { waitForMarks } from '../harness/marks.mjs';
import {
  chipCentres,
  isolationProblems,
  markAreas,
  openPanels,
  panelsByCdp,
  popupExplanations,
} from '../harness/panels.mjs';

const URL = 'https://blog.example.org/panels';
// The laid-out posts, and one whose cues quote page text with punctuation at its edges ("#ad").
const HTML = layoutPage().replace(
  '<article class="post" id="plain"',
  '<article class="post" id="hashtag" style="padding:12px"><p>My newsletter is written with Jasper now. Honestly the best AI writer #ad</p></article><article class="post" id="plain"',
);

/** Opens the laid-out posts and waits for their marks to be placed; returns the chips' centres. */
async function openPosts(browser) {
  const { count, badge } = expectedFromCli(HTML, URL);
  const opened = await browser.open(URL, HTML);
  await browser.settleBadge(opened.tabId, badge);
  await waitForMarks(opened.page, count);
  await settled(opened.page);
  const chips = await opened.page.evaluate(chipCentres);
  assert.ok(chips.every(Boolean), 'every chip is visible');
  const closed = await opened.page.evaluate(markAreas);
  return { ...opened, chips, closed, count };
}

const click = (page, at) => page.mouse.click(at.x, at.y);
const open = (page, closed) => page.evaluate(markAreas).then((areas) => openPanels(areas, closed));
/** Which mark has the focus (its host is the page's active element), or -1. */
const focusedMark = (page) =>
  page.evaluate(() => [...document.querySelectorAll('basira-mark')].indexOf(document.activeElement));

/** Each panel's "why" and lines, opened one after another by its chip. */
async function panelExplanations(page, chips) {
  const out = [];
  for (const [i, chip] of chips.entries()) {
    await click(page, chip);
    const panels = await panelsByCdp(page);
    assert.deepEqual(
      panels.flatMap((p, j) => (p.open ? [j] : [])),
      [i],
    );
    out.push(panels[i]);
    await page.keyboard.press('Escape');
  }
  return out;
}

const sorted = (list) => list.map((e) => JSON.stringify({ why: e.why, lines: e.lines })).sort();

describe('in English', () => {
  const browser = useChromium();

  test('one panel at a time: another chip, a click outside and Escape from anywhere close it; focus returns to the chip', async () => {
    const { page, chips, closed } = await openPosts(browser);
    assert.deepEqual(await open(page, closed), []);
    await click(page, chips[0]);
    assert.deepEqual(await open(page, closed), [0]);
    await click(page, chips[1]);
    assert.deepEqual(await open(page, closed), [1], 'opening another closes the first');

    // Escape with the focus in the page, outside the panel: it closes, and the chip has the focus.
    await page.focus('a[href="#more"]');
    assert.deepEqual(await open(page, closed), [1], 'moving the focus does not close it');
    await page.keyboard.press('Escape');
    assert.deepEqual(await open(page, closed), []);
    assert.equal(await focusedMark(page), 1, 'focus is back on the chip');

    // A click on the page outside the panel closes it.
    await click(page, chips[2]);
    assert.deepEqual(await open(page, closed), [2]);
    const plain = await page.evaluate(() => {
      const r = document.querySelector('#plain p').getBoundingClientRect();
      return { x: r.left + 10, y: r.top + r.height / 2 };
    });
    await click(page, plain);
    assert.deepEqual(await open(page, closed), []);
    await page.close();
  });

  test('each panel says exactly what the popup says of that post, and nothing else', async () => {
    const { page, chips, count } = await openPosts(browser);
    const panels = await panelExplanations(page, chips);
    const popup = await browser.openPopup();
    await popup.waitFor(`document.querySelectorAll('.finding').length === ${count}`);
    const listed = await popup.evaluate(`(${popupExplanations.toString()})()`);
    await browser.closePopup(popup);
    assert.ok(listed.every((f) => f.lines.length > 0 && f.why));
    assert.deepEqual(sorted(panels), sorted(listed));
    await page.close();
  });
});

describe('in Arabic', () => {
  const browser = useChromium({ lang: 'ar' });

  test('quoted English text keeps its order and its punctuation in Arabic lines, in the panel and the popup', async () => {
    const { page, chips, count } = await openPosts(browser);
    const panels = await panelExplanations(page, chips);
    assert.ok(
      panels.every((p) => /[\u0600-\u06FF]/.test(p.why)),
      'the panels are in Arabic',
    );
    assert.deepEqual(
      panels.flatMap((p) => p.isolation.problems),
      [],
    );
    assert.ok(panels.reduce((n, p) => n + p.isolation.checked, 0) >= 3, 'English runs were checked');

    const popup = await browser.openPopup();
    await popup.waitFor(`document.querySelectorAll('.finding').length === ${count}`);
    const inPopup = await popup.evaluate(
      `(${isolationProblems.toString()})(document.querySelectorAll('.finding .why, .finding .cues'))`,
    );
    assert.deepEqual(inPopup.problems, []);
    assert.ok(inPopup.checked >= 3, 'English runs were checked');
    // The check can fail: the same kind of line without isolation is caught.
    const bare = await popup.evaluate(`(() => {
      const p = document.createElement('p');
      p.textContent = 'دعوة إلى الشراء: «Try it free today!»';
      document.body.append(p);
      const r = (${isolationProblems.toString()})([p]);
      p.remove();
      return r;
    })()`);
    assert.equal(bare.problems.length, 1, 'a line without isolation is caught');
    await browser.closePopup(popup);
    await page.close();
  });
});
