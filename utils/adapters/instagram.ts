/**
 * Instagram: feed and post pages. Posts are `article`s; the header under the username carries
 * "Paid partnership with …" / "شراكة مدفوعة مع" or, for ads, "Sponsored" / "مُموَّل". Outbound links
 * go through l.instagram.com/?u=.
 */
import { hashId, linksOf, textOf } from '../dom/text';
import type { Adapter } from './adapter';
import { onPlatform } from './domains';
import { labelsIn } from './labels';

export const instagram: Adapter = {
  id: 'instagram',
  matches: (url) => onPlatform('instagram', url),
  itemSelector: 'article',
  extract(el, { url, index }) {
    if (el.parentElement?.closest('article')) return null;
    const header = el.querySelector('header');
    // The caption is the longest auto-direction text outside the header (username + caption
    // share one outer span in the feed; post pages use an h1).
    let text = '';
    for (const c of el.querySelectorAll('h1[dir="auto"], span[dir="auto"]')) {
      if (c.closest('header')) continue;
      const t = textOf(c);
      if (t.length > text.length) text = t;
    }
    if (!text) text = textOf(el, { exclude: (n) => n.tagName === 'HEADER' });
    if (!text.trim()) return null;
    const authorHref = header?.querySelector('a[href^="/"]')?.getAttribute('href') ?? null;
    // The username, the location and the audio line are the poster's words ("ad.venture.eats",
    // "Ad Astra Coffee"), never labels; a partner brand's link after "Paid partnership with" is kept.
    const notLabel = (n: Element) =>
      n.tagName === 'A' &&
      (n.getAttribute('href') === authorHref ||
        /\/explore\/locations\/|\/reels\/audio\//.test(n.getAttribute('href') ?? ''));
    const labels = header ? labelsIn(header, { skip: notLabel, max: 80 }) : [];
    const permalink = el.querySelector('a[href*="/p/"], a[href*="/reel/"]')?.getAttribute('href') ?? '';
    const code = permalink.match(/\/(?:p|reel)\/([\w-]+)/)?.[1];
    const author = authorHref?.replace(/\//g, '') ?? null;
    return {
      id: `ig-${code ?? `${index}-${hashId(text.slice(0, 200))}`}`,
      text,
      links: linksOf(el, url.href).filter(
        (l) => !/instagram\.com\/(?!.*l\.instagram)/.test(l.href) || l.href.includes('l.instagram.com'),
      ),
      labels,
      lang: el.ownerDocument.documentElement.getAttribute('lang'),
      url: url.href,
      platform: 'instagram',
      author: author ? `@${author}` : null,
    };
  },
};
