// Generated X-like feeds for the browser tests and benchmarks: posts drawn from the labelled
// corpus, in markup shaped like X's (article[data-testid=tweet], tweetText, User-Name, t.co links).
import { readFileSync } from 'node:fs';

/**
 * A fixed set of corpus posts (its first 298 English and 323 Arabic ones), so a feed's load, and
 * the bench's numbers, do not move as the corpus grows.
 */
const FEED_POSTS = { en: 298, ar: 323 };
const corpus = ['en', 'ar']
  .flatMap((lang) =>
    readFileSync(`tests/corpus/${lang}.jsonl`, 'utf8').split('\n').filter(Boolean).slice(0, FEED_POSTS[lang]),
  )
  .map((line) => JSON.parse(line))
  .filter((c) => c.labels.length === 0); // native labels come from markup, not text

/** Escapes text for HTML content and double-quoted attributes. */
export const escapeHtml = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One X-like post. */
export function xPost(i, c = corpus[i % corpus.length]) {
  const links = c.links
    .map(
      (l) =>
        `<a href="${escapeHtml(l.href)}" rel="noopener noreferrer nofollow" target="_blank" role="link">${escapeHtml(l.text)}</a>`,
    )
    .join(' ');
  return `<div data-testid="cellInnerDiv"><article data-testid="tweet" role="article" tabindex="0">
<div data-testid="User-Name"><a href="/user${i}" role="link"><span>User ${i}</span></a><a href="/user${i}/status/${1000000 + i}" role="link"><time datetime="2025-01-01T00:00:00.000Z">1h</time></a></div>
<div data-testid="tweetText" lang="${c.lang}" dir="auto"><span>${escapeHtml(c.text).replace(/\n/g, '<br>')}</span> ${links}</div>
<div role="group"><button data-testid="reply">12</button><button data-testid="like">340</button></div>
</article></div>`;
}

/**
 * An X-like home timeline holding `posts` (markup), running `script` after them; `head` and `tail`
 * go at the end of <head> and of <body>.
 */
export function xFeedOf(posts, { script = '', head = '', tail = '' } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home / X</title>
<link rel="canonical" href="https://x.com/home">${head}</head><body>
<main role="main"><div aria-label="Timeline: Your Home Timeline"><div id="feed">${posts}</div></div></main>
<script>${script}</script>${tail}</body></html>`;
}

/** An X-like home timeline of `count` corpus posts (options as `xFeedOf`). */
export function xFeedHtml(count, options = {}) {
  return xFeedOf(Array.from({ length: count }, (_, i) => xPost(i)).join('\n'), options);
}

/** A page that appends `total` more posts in bursts of `burst` every `everyMs` after load. */
export function xBurstFeedHtml(initial, total, burst, everyMs) {
  const more = Array.from({ length: total }, (_, i) => xPost(initial + i));
  const script = `
const more = ${JSON.stringify(more)};
let next = 0;
const feed = document.getElementById('feed');
const timer = setInterval(() => {
  const chunk = more.slice(next, next + ${burst});
  next += ${burst};
  const box = document.createElement('div');
  box.innerHTML = chunk.join('');
  feed.append(...box.children);
  if (next >= more.length) { clearInterval(timer); document.title = 'done'; }
}, ${everyMs});`;
  return xFeedHtml(initial, { script });
}

/** One YouTube home-grid tile. */
export function ytTile(i, c = corpus[i % corpus.length]) {
  const [title, ...rest] = c.text.split('\n');
  const id = `v${String(i).padStart(10, '0')}`;
  return `<ytd-rich-item-renderer class="style-scope ytd-rich-grid-renderer"><div id="content"><ytd-rich-grid-media>
<a id="thumbnail" href="/watch?v=${id}"><yt-image><img alt="" src=""></yt-image></a>
<div id="details"><h3><a id="video-title-link" href="/watch?v=${id}"><yt-formatted-string id="video-title">${escapeHtml(title.slice(0, 120))}</yt-formatted-string></a></h3>
<ytd-channel-name><a href="/@channel${i}">Channel ${i}</a></ytd-channel-name>
<span class="metadata-snippet-text">${escapeHtml(rest.join(' ').slice(0, 200))}</span>
<span class="inline-metadata-item">${i} views</span></div></ytd-rich-grid-media></div></ytd-rich-item-renderer>`;
}

export function ytGridHtml(count) {
  const tiles = Array.from({ length: count }, (_, i) => ytTile(i)).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>YouTube</title>
<link rel="canonical" href="https://www.youtube.com/"></head><body><ytd-app><ytd-rich-grid-renderer><div id="contents">${tiles}</div></ytd-rich-grid-renderer></ytd-app></body></html>`;
}
