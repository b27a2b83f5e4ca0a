// In-page marks in Chromium: on flex, grid, right-to-left and spaced-out posts, and on an X-like
// feed, a mark moves nothing (every box in the post is where it was before Basira drew it) and
// covers nothing (no point of the post's text, media or controls has the mark on top), and it
// sits on the post's inline-end side, which follows the post's direction.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useChromium } from '../harness/chromium.mjs';
import { expectedFromCli } from '../harness/cli.mjs';
import { xFeedOf, xPost } from '../harness/feeds.mjs';
import { expectMarksPlaced, layoutPage, POSTS, probe, RECORD, settled } from '../harness/layout.mjs';
import { waitForMarks } from '../harness/marks.mjs';
import { PLAIN, PROMO } from '../harness/pages.mjs';

const browser = useChromium();
const arabic = useChromium({ lang: 'ar' });

test('marks move nothing and cover nothing on flex, grid, RTL and spaced-out posts', async () => {
  const url = 'https://blog.example.org/feed';
  const html = layoutPage();
  const { count, badge } = expectedFromCli(html, url);
  assert.equal(count, POSTS.length, 'every laid-out post is flagged');
  const { page, tabId } = await browser.open(url, html);
  await browser.settleBadge(tabId, badge);
  await waitForMarks(page, POSTS.length);
  await settled(page);
  const [before, after] = await page.evaluate(() => [window.before, window.boxes()]);
  assert.deepEqual(after, before, 'every box in every post is where it was');
  expectMarksPlaced(assert, await page.evaluate(probe));
  await page.close();
});

for (const [ui, b] of [
  ['English', browser],
  ['Arabic', arabic],
])
  test(`on an X-like feed, in the ${ui} UI, marks move nothing and cover no author, text or action`, async () => {
    const url = 'https://x.com/home';
    const posts = [
      { text: PROMO[0], lang: 'en' },
      { text: PROMO[2], lang: 'ar' },
      { text: PLAIN[1], lang: 'en' },
      { text: PROMO[1], lang: 'en' },
    ]
      .map((p, i) => xPost(i, { text: p.text, links: [], labels: [], lang: p.lang }))
      .join('');
    const html = xFeedOf(posts, {
      tail: RECORD,
      head: `<style>article { position: relative; border-bottom: 1px solid #ccc; padding: 12px; }</style>`,
    });
    const { count, badge } = expectedFromCli(html, url);
    const { page, tabId } = await b.open(url, html);
    await b.settleBadge(tabId, badge);
    await waitForMarks(page, count);
    await settled(page);
    const [before, after] = await page.evaluate(() => [window.before, window.boxes()]);
    assert.deepEqual(after, before, 'every box in every post is where it was');
    const seen = await page.evaluate(probe);
    for (const p of seen) assert.equal(p.covered, 0, `${p.id}: nothing covered`);
    assert.equal(seen.filter((p) => p.hits > 0).length, count, 'every flagged post shows its mark');
    await page.close();
  });
