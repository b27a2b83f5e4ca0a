// In-page marks in Chromium: on flex, grid, right-to-left and spaced-out posts, and on an X-like
// feed, a mark moves nothing (every box in the post is where it was before Basira drew it) and
// covers nothing (no point of the post's text, media or controls has the mark on top), and it
// sits on the post's inline-end side, which follows the post's direction.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useChromium } from '../harness/chromium.mjs';
import { expectedFromCli } from '../harness/cli.mjs';
import { xFeedOf, xPost } from '../harness/feeds.mjs';
import { waitForMarks } from '../harness/marks.mjs';
import { PLAIN, PROMO } from '../harness/pages.mjs';

const browser = useChromium();
const arabic = useChromium({ lang: 'ar' });

const AVATAR = `<img alt="" width="40" height="40" style="border-radius:50%;background:#789;flex:none">`;
const MENU = `<button aria-label="More" style="width:34px;height:34px;flex:none">⋯</button>`;

/** Posts laid out the ways real pages lay them out, each flagged. */
const POSTS = [
  // A flex row with a gap: avatar, body, menu (X, Threads, Mastodon).
  `<article class="post" id="flex" style="display:flex;gap:12px;padding:12px">${AVATAR}
     <div style="flex:1"><b>Maya Writes</b> <span>@maya · 2h</span><p style="margin:4px 0">${PROMO[0]}</p></div>${MENU}</article>`,
  // A grid: avatar column, body column.
  `<article class="post" id="grid" style="display:grid;grid-template-columns:48px 1fr 34px;gap:8px;padding:12px">${AVATAR}
     <div><b>Omar Tech</b><p style="margin:4px 0">${PROMO[1]}</p></div>${MENU}</article>`,
  // Right to left: the avatar and the author on the right.
  `<article class="post" id="rtl" dir="rtl" lang="ar" style="display:flex;gap:12px;padding:12px">${AVATAR}
     <div style="flex:1"><b>سارة تقنية</b><p style="margin:4px 0">${PROMO[2]}</p></div>${MENU}</article>`,
  // Block children spaced by sibling selectors and first/last-child margins (utility CSS).
  `<article class="post spaced" id="spaced" style="padding:12px"><h2>AI tools that paid for themselves</h2>
     <p>${PROMO[3]}</p><p>Read the full review below.</p><a href="#more">Continue reading</a></article>`,
];
const STYLE = `<style>
  body { margin: 0; font: 15px/1.4 system-ui, sans-serif; }
  main { width: 600px; margin: 20px auto; display: flex; flex-direction: column; gap: 16px; }
  .post { border: 1px solid #ccc; border-radius: 12px; }
  .spaced > * + * { margin-top: 14px; }
  .spaced > :first-child { margin-top: 0; }
  .spaced > :last-child { margin-bottom: 0; }
  h2 { margin: 0; font-size: 22px; }
</style>`;

/**
 * Before Basira can run (this script ends the body; the content script waits for
 * document_idle), the page records the box of every element in each post.
 */
const RECORD = `<script>
  window.boxes = () => [...document.querySelectorAll('article')].flatMap((a) =>
    [a, ...a.querySelectorAll('*')].filter((e) => e.localName !== 'basira-mark').map((e) => {
      const r = e.getBoundingClientRect();
      return [a.id, e.localName, Math.round(r.left * 10) / 10, Math.round(r.top * 10) / 10, Math.round(r.width * 10) / 10, Math.round(r.height * 10) / 10].join(' ');
    }));
  window.before = window.boxes();
</script>`;

/**
 * For each post: the points of its content (text lines, images, controls, every 3 px) that have a
 * mark on top, and where the mark is (its points' average, relative to the post).
 */
const probe = () =>
  [...document.querySelectorAll('article')].map((a) => {
    const r = a.getBoundingClientRect();
    const own = (e) => e?.localName === 'basira-mark';
    const boxes = [];
    const range = document.createRange();
    const walk = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (!n.nodeValue.trim() || n.parentElement.closest('basira-mark')) continue;
      range.selectNodeContents(n);
      boxes.push(...range.getClientRects());
    }
    for (const e of a.querySelectorAll('img,button,a,svg,[role="button"]'))
      boxes.push(e.getBoundingClientRect());
    let covered = 0;
    for (const b of boxes)
      for (let x = b.left + 1; x < b.right; x += 3)
        for (let y = b.top + 1; y < b.bottom; y += 3) if (own(document.elementFromPoint(x, y))) covered++;
    const hits = [];
    for (let x = r.left - 10; x < r.right + 10; x += 3)
      for (let y = r.top - 10; y < r.bottom + 10; y += 3)
        if (own(document.elementFromPoint(x, y))) hits.push([x - r.left, y - r.top]);
    const mean = (i) => hits.reduce((s, h) => s + h[i], 0) / (hits.length || 1);
    return { id: a.id, width: r.width, covered, hits: hits.length, x: mean(0), y: mean(1) };
  });

const frames = (page, n = 3) =>
  page.evaluate(
    (k) =>
      new Promise((resolve) => {
        const step = (i) => (i === 0 ? resolve() : requestAnimationFrame(() => step(i - 1)));
        step(k);
      }),
    n,
  );

test('marks move nothing and cover nothing on flex, grid, RTL and spaced-out posts', async () => {
  const url = 'https://blog.example.org/feed';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feed</title>${STYLE}</head><body><main>${POSTS.join(
    '',
  )}<article class="post" id="plain" style="padding:12px"><p>${PLAIN[0]}</p></article></main>${RECORD}</body></html>`;
  const { count, badge } = expectedFromCli(html, url);
  assert.equal(count, 4, 'the four laid-out posts are flagged');
  const { page, tabId } = await browser.open(url, html);
  await browser.settleBadge(tabId, badge);
  await waitForMarks(page, 4);
  await frames(page);
  const [before, after] = await page.evaluate(() => [window.before, window.boxes()]);
  assert.deepEqual(after, before, 'every box in every post is where it was');
  const seen = await page.evaluate(probe);
  for (const p of seen.filter((s) => s.id !== 'plain')) {
    assert.equal(p.covered, 0, `${p.id}: the mark covers none of the post's content`);
    assert.ok(p.hits > 0, `${p.id}: the mark is visible on the post`);
    const endSide = p.id === 'rtl' ? p.x < p.width / 2 : p.x > p.width / 2;
    assert.ok(
      endSide,
      `${p.id}: the mark is on the post's inline-end side (x ${Math.round(p.x)} of ${p.width})`,
    );
  }
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
    await frames(page);
    const [before, after] = await page.evaluate(() => [window.before, window.boxes()]);
    assert.deepEqual(after, before, 'every box in every post is where it was');
    for (const p of await page.evaluate(probe)) assert.equal(p.covered, 0, `${p.id}: nothing covered`);
    await page.close();
  });
