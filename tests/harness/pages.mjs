// Pages for the hostile-page tests (tests/browser/hostile.test.mjs): sample posts, and pages that
// carry the page's own heartbeat, so a test can tell whether Basira ever blocked the page.
import { xFeedOf } from './feeds.mjs';

/** Sample posts: flagged and not, English and Arabic, so counts mean something. */
export const PROMO = [
  'Jasper AI is a total game changer for my captions. Use code SAVE20 for 20% off!',
  'I switched to Writesonic last month and never looked back 🚀 try it: writesonic.com/?fpr=maya',
  'جربت ChatGPT بلس وغير حياتي 🔥 استخدموا كود MAYA20 للخصم',
  'Sponsored by Synthesia: make AI avatar videos in minutes. Try it free today!',
];
export const PLAIN = [
  'Had a lovely walk by the river this morning, the swans are back.',
  'Our city council votes on the new bike lanes next Tuesday.',
  'قرأت اليوم مقالا عن تاريخ الخط العربي وجماله',
  'Regulators in the EU published a report on how AI chatbots handle personal data.',
];

/**
 * The page's own heartbeat: a 10 ms interval that records its longest gap (and every gap over
 * 50 ms, with its time).
 */
export const HEARTBEAT = `<script>(() => {
  const hb = (window.__hb = { max: 0, ticks: 0, last: performance.now(), since: performance.now(), gaps: [] });
  window.__hbReset = () => { hb.max = 0; hb.ticks = 0; hb.gaps = []; hb.last = hb.since = performance.now(); };
  setInterval(() => {
    const now = performance.now();
    const gap = now - hb.last;
    if (gap > hb.max) hb.max = gap;
    if (gap > 50) hb.gaps.push([Math.round(hb.last - hb.since), Math.round(gap)]);
    hb.ticks++;
    hb.last = now;
  }, 10);
})();</script>`;

/**
 * The measured window opens when the page's own parsing, scripts and first style and layout are
 * done: the last thing in <body>, before DOMContentLoaded, so before Basira's content script
 * (document_idle) can run. The layout is forced here because Chromium's first frame otherwise
 * lands before or after this script by chance: on the page nesting 5,000 deep, that frame's
 * 0.7–1 s of style and layout fell inside the window on half of the loads without Basira (long
 * animation frames show no script of Basira's in it).
 */
export const HEARTBEAT_START =
  '<script>document.documentElement.getBoundingClientRect(); window.__hbReset()</script>';

/** A page holding `body`, with the heartbeat. */
export const heartbeatPage = (body, { lang = 'en', title = 'Page', head = '', canonical = '' } = {}) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>${
    canonical ? `<link rel="canonical" href="${canonical}">` : ''
  }${HEARTBEAT}${head}</head><body>${body}${HEARTBEAT_START}</body></html>`;

/** An X-like feed page (tests/harness/feeds.mjs markup) holding `posts`, with the heartbeat. */
export const heartbeatXPage = (posts, script = '') =>
  xFeedOf(posts, { script, head: HEARTBEAT, tail: HEARTBEAT_START });
