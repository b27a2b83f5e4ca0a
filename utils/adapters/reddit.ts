/**
 * Reddit: `shreddit-post` and `shreddit-ad-post` (new UI; attributes carry title and author, open
 * shadow roots hold parts of the text) and old Reddit's `.thing.link`, with `.promotedlink` ads.
 */
import { hashId, linksOf, textOf } from '../dom/text';
import type { Adapter } from './adapter';
import { onPlatform } from './domains';
import { labelText } from './labels';

export const reddit: Adapter = {
  id: 'reddit',
  matches: (url) => onPlatform('reddit', url),
  itemSelector: 'shreddit-post, shreddit-ad-post, .thing.link, .promotedlink',
  extract(el, { url, index }) {
    if (el.parentElement?.closest('shreddit-post, shreddit-ad-post, .thing.link')) return null;
    const oldUi = el.matches('.thing, .promotedlink');
    const title =
      el.getAttribute('post-title') ??
      textOf(el.querySelector('a.title, [slot="title"], h1, h2, h3') ?? el).trim();
    const bodyEl = el.querySelector('[slot="text-body"], .usertext-body, .md, [slot="post-media-container"]');
    const body = bodyEl ? textOf(bodyEl) : '';
    const text = [title, body].filter(Boolean).join('\n');
    if (!text.trim()) return null;
    const links = linksOf(el, url.href).filter((l) => !/reddit\.com\/(?:r|user|u)\//.test(l.href));
    const outbound = el.getAttribute('content-href') ?? el.getAttribute('data-url');
    if (outbound && /^https?:/.test(outbound) && !/reddit\.com/.test(outbound))
      links.unshift({ href: outbound, text: outbound });
    const labels: string[] = [];
    if (el.matches('shreddit-ad-post, .promotedlink') || el.getAttribute('data-promoted') === 'true')
      labels.push('Promoted');
    const tag = el.querySelector('.promoted-tag, [slot="credit-bar"] .promoted, .sponsored-indicator');
    const tagText = tag ? labelText(tag) : '';
    if (tagText && !labels.includes(tagText)) labels.push(tagText);
    const id =
      el.getAttribute('id') ?? el.getAttribute('data-fullname') ?? `${index}-${hashId(text.slice(0, 200))}`;
    return {
      id: `rd-${id}`,
      text,
      links,
      labels,
      lang: el.ownerDocument.documentElement.getAttribute('lang'),
      url: url.href,
      platform: 'reddit',
      author: el.getAttribute('author') ?? (oldUi ? el.getAttribute('data-author') : null),
    };
  },
};
