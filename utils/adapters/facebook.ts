/**
 * Facebook: feed posts (`[role="article"]`, `FeedUnit_` pagelets). The "Sponsored" label is
 * obfuscated — letters split across spans, decoy letters hidden, the real word reachable through
 * `aria-labelledby` — so labels are read three ways: aria-labelledby targets, visible letters of
 * split spans, and plain short texts.
 */
import { hashId, linksOf, textOf } from '../dom/text';
import type { Adapter } from './adapter';
import { shortTexts } from './labels';

const POST = '[role="article"], div[data-pagelet^="FeedUnit_"]';
const MESSAGE =
  '[data-ad-preview="message"], [data-ad-comet-preview="message"], [data-testid="post_message"]';

/** Whether a decoy letter is hidden: inline styles in saved pages, layout on a live page. */
function letterHidden(el: Element): boolean {
  const style = el.getAttribute('style') ?? '';
  if (
    /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|opacity\s*:\s*0|width\s*:\s*[01]px|position\s*:\s*absolute/i.test(
      style,
    )
  )
    return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const check = (el as HTMLElement).checkVisibility;
  return (
    typeof check === 'function' &&
    el.isConnected &&
    !check.call(el, { opacityProperty: true, visibilityProperty: true })
  );
}

/** Reassembles a word whose letters are split across sibling spans, skipping hidden decoys. */
function visibleLetters(container: Element): string {
  let out = '';
  for (const child of container.children) {
    if (letterHidden(child)) continue;
    const t = child.children.length > 0 ? visibleLetters(child) : (child.textContent ?? '');
    out += t;
  }
  return out.replace(/\s+/g, ' ').trim();
}

function labelsOf(post: Element): string[] {
  const labels: string[] = [];
  const doc = post.ownerDocument;
  for (const el of post.querySelectorAll('[aria-labelledby]')) {
    for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/)) {
      const target = id ? doc.getElementById(id) : null;
      const t = target ? textOf(target).trim() : '';
      if (t && t.length <= 40) labels.push(t);
    }
  }
  // "Sponsored" links to the ad preferences; "Paid partnership" to the business help centre.
  for (const el of post.querySelectorAll('a[href*="/ads/"], a[href*="/business/help"], [aria-label]')) {
    const t = (el.getAttribute('aria-label') ?? '') || (el.tagName === 'A' ? textOf(el).trim() : '');
    if (t && t.length <= 40) labels.push(t);
  }
  // Spans with many one-letter children are the split label.
  for (const el of post.querySelectorAll('span, a')) {
    if (el.children.length >= 3 && [...el.children].every((c) => (c.textContent ?? '').length <= 2)) {
      const word = visibleLetters(el);
      if (word.length >= 2 && word.length <= 40) labels.push(word);
    }
    if (labels.length > 16) break;
  }
  // The author line and the line under it (time, audience, labels).
  let header = post.querySelector('h2, h3, h4');
  for (let up = 0; header && up < 4 && header.parentElement && header.parentElement !== post; up++) {
    header = header.parentElement;
  }
  if (header) labels.push(...shortTexts(header, (n) => n.matches(MESSAGE), 40, 12));
  return [...new Set(labels)];
}

export const facebook: Adapter = {
  id: 'facebook',
  matches: (url) => /(?:^|\.)facebook\.com$/.test(url.hostname),
  itemSelector: POST,
  extract(el, { url, index }) {
    if (el.parentElement?.closest(POST)) return null;
    const message = el.querySelector(MESSAGE);
    const text = message
      ? textOf(message)
      : textOf(el, { exclude: (n) => n.matches('h2, h3, h4, [role="button"]') });
    if (!text.trim()) return null;
    const author = el.querySelector('h2 a, h3 a, h4 a, strong a');
    const permalink =
      el.querySelector('a[href*="/posts/"], a[href*="story_fbid"]')?.getAttribute('href') ?? '';
    const id =
      permalink
        .match(/posts\/([\w]+)|story_fbid=(\d+)/)
        ?.slice(1)
        .find(Boolean) ?? `${index}-${hashId(text.slice(0, 200))}`;
    return {
      id: `fb-${id}`,
      text,
      links: linksOf(el, url.href).filter(
        (l) => !/facebook\.com\/(?!l\.php)/.test(l.href) || l.href.includes('l.facebook.com'),
      ),
      labels: labelsOf(el),
      lang: message?.getAttribute('lang') ?? el.ownerDocument.documentElement.getAttribute('lang'),
      url: url.href,
      platform: 'facebook',
      author: author ? textOf(author).trim() : null,
    };
  },
};
