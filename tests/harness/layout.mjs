// Pages and probes for the in-page mark tests in Chromium (tests/browser/marks.test.mjs) and Firefox
// (tests/firefox/marks.test.mjs): posts laid out the ways real pages lay them out, the box of every
// element in them recorded before Basira runs, and a probe of what a mark covers and where it sits.
import { PLAIN, PROMO } from './pages.mjs';

const AVATAR = `<img alt="" width="40" height="40" style="border-radius:50%;background:#789;flex:none">`;
const MENU = `<button aria-label="More" style="width:34px;height:34px;flex:none">⋯</button>`;

/** Posts laid out the ways real pages lay them out, each flagged. */
export const POSTS = [
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
     <p>${PROMO[3]}</p><p>Read the full review below. <a href="#more">Continue reading</a></p></article>`,
  // Utility CSS that spaces every child but the last (Tailwind 4's space-y and divide-y).
  `<article class="post tw" id="tw" style="padding:12px"><p>${PROMO[0].replace('SAVE20', 'TW20')}</p>
     <p>Posted in Tools</p></article>`,
];
const STYLE = `<style>
  body { margin: 0; font: 15px/1.4 system-ui, sans-serif; }
  main { width: 600px; margin: 20px auto; display: flex; flex-direction: column; gap: 16px; }
  .post { border: 1px solid #ccc; border-radius: 12px; }
  .spaced > * + * { margin-top: 14px; }
  .spaced > :first-child { margin-top: 0; }
  .spaced > :last-child { margin-bottom: 0; }
  .tw > :not(:last-child) { margin-bottom: 14px; border-bottom: 1px solid #ddd; }
  .tw > * { margin: 0; }
  h2 { margin: 0; font-size: 22px; }
</style>`;

/**
 * Before Basira can run (this script ends the body; the content script waits for
 * document_idle), the page records the box of every element in each post.
 */
export const RECORD = `<script>
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
export const probe = () =>
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
    for (let x = r.left + 1; x < r.right; x += 3)
      for (let y = r.top + 1; y < r.bottom; y += 3)
        if (own(document.elementFromPoint(x, y))) hits.push([x - r.left, y - r.top]);
    const mean = (i) => hits.reduce((s, h) => s + h[i], 0) / (hits.length || 1);
    return { id: a.id, width: r.width, covered, hits: hits.length, x: mean(0), y: mean(1) };
  });

/** The laid-out posts and one plain post, on one page, recording their boxes before Basira runs. */
export const layoutPage = () =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feed</title>${STYLE}</head><body><main>${POSTS.join(
    '',
  )}<article class="post" id="plain" style="padding:12px"><p>${PLAIN[0]}</p></article></main>${RECORD}</body></html>`;

/** Checks the probe's findings for the laid-out posts: nothing covered, each mark on its post's inline-end side. */
export function expectMarksPlaced(assert, seen) {
  for (const p of seen.filter((s) => s.id !== 'plain')) {
    assert.equal(p.covered, 0, `${p.id}: the mark covers none of the post's content`);
    assert.ok(p.hits > 0, `${p.id}: the mark is visible on the post`);
    const endSide = p.id === 'rtl' ? p.x < p.width / 2 : p.x > p.width / 2;
    assert.ok(
      endSide,
      `${p.id}: the mark is on the post's inline-end side (x ${Math.round(p.x)} of ${p.width})`,
    );
  }
}

/**
 * Waits until marks have been placed and the posts' boxes are back to what they were (a mark that
 * changed its post's size is moved once, in a task after the next layout), or 5 s.
 */
export async function settled(page) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const start = performance.now();
        const same = () => JSON.stringify(window.boxes()) === JSON.stringify(window.before);
        const check = () =>
          same() || performance.now() - start > 5000
            ? setTimeout(resolve, 100)
            : requestAnimationFrame(check);
        requestAnimationFrame(() => requestAnimationFrame(check));
      }),
  );
}
