/**
 * Facebook: feed posts (`[role="article"]`, `FeedUnit_` pagelets). The "Sponsored" label is
 * obfuscated — letters split across spans, decoy letters hidden, the real word reachable through
 * `aria-labelledby` — so labels are read through labels.ts: the header line read whole (split
 * letters rejoined without decoys), aria-labelledby targets, and the ad and partnership links.
 */
import { hashId, linksOf, textOf } from '../dom/text';
import type { Adapter } from './adapter';
import { onPlatform } from './domains';
import { labelsIn, labelTexts, referencedText, visibleText, withComputedStyle } from './labels';

const POST = '[role="article"], div[data-pagelet^="FeedUnit_"]';
const MESSAGE =
  '[data-ad-preview="message"], [data-ad-comet-preview="message"], [data-testid="post_message"]';
/** Comments and reactions under a post: never its labels. */
const COMMENTS = '[role="toolbar"], ul, [aria-label*="omment"], form';

/**
 * Labels of a post: its header line (author, time, "Sponsored"), aria-labelledby targets and ad
 * links. Facebook hides decoy letters with its stylesheet, so here the browser is asked.
 */
function labelsOf(post: Element): string[] {
  return withComputedStyle(() => readLabels(post));
}

function readLabels(post: Element): string[] {
  const notMessage = (n: Element) => n.matches(`${MESSAGE}, ${COMMENTS}`);
  const labels: string[] = [];
  // The header: the author's heading and the line under it (time, audience, labels).
  let header = post.querySelector('h2, h3, h4');
  for (let up = 0; header && up < 4 && header.parentElement && header.parentElement !== post; up++) {
    header = header.parentElement;
  }
  labels.push(...labelsIn(header ?? post, { skip: notMessage, max: 40, limit: 12 }));
  // Obfuscated labels keep their real words in aria-labelledby targets, anywhere in the document.
  for (const el of post.querySelectorAll('[aria-labelledby]')) {
    if (el.closest(`${MESSAGE}, ${COMMENTS}`)) continue;
    const t = referencedText(el);
    if (t && t.length <= 40) labels.push(t);
  }
  // Split letters anywhere outside the message, should the header be elsewhere than expected.
  for (const el of post.querySelectorAll('span, a')) {
    if (el.children.length < 3 || ![...el.children].every((c) => (c.textContent ?? '').length <= 2)) continue;
    if (el.closest(`${MESSAGE}, ${COMMENTS}`)) continue;
    const word = visibleText(el);
    if (word.length >= 2 && word.length <= 40) labels.push(word);
  }
  // "Sponsored" links to the ad preferences; "Paid partnership" to the business help centre.
  for (const el of post.querySelectorAll('a[href*="/ads/"], a[href*="/business/help"]')) {
    if (el.closest(`${MESSAGE}, ${COMMENTS}`)) continue;
    for (const t of labelTexts(el)) if (t.length <= 40) labels.push(t);
  }
  return [...new Set(labels)];
}

export const facebook: Adapter = {
  id: 'facebook',
  matches: (url) => onPlatform('facebook', url),
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
