// In-page marks in Firefox ESR: on flex, grid, right-to-left and spaced-out posts a mark moves
// nothing (every box in each post is where it was before Basira ran), covers none of the post's
// text, media or controls, and sits on the post's inline-end side (tests/harness/layout.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useFirefox } from '../harness/firefox.mjs';
import { expectMarksPlaced, layoutPage, POSTS, probe, settled } from '../harness/layout.mjs';

const firefox = useFirefox(async () => ({ '/feed': layoutPage() }));

test('marks move nothing and cover nothing on flex, grid, RTL and spaced-out posts', async () => {
  const page = await firefox.browser.newPage();
  await page.goto(`${firefox.base}/feed`);
  await page.waitForFunction(
    (k) => document.querySelectorAll('basira-mark').length === k,
    { timeout: 20_000 },
    POSTS.length,
  );
  // Placed after the page's next layout, in a task of its own.
  await settled(page);
  const [before, after] = await page.evaluate(() => [window.before, window.boxes()]);
  assert.deepEqual(after, before, 'every box in every post is where it was');
  expectMarksPlaced(assert, await page.evaluate(probe));
  await page.close();
});
