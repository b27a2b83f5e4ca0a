/**
 * LinkedIn: feed cards (`.feed-shared-update-v2`, activity `data-urn`s). Ads read "Promoted" /
 * "تم الترويج" in the actor's sub-description; links go through linkedin.com/redir/redirect or lnkd.in.
 */
import { hashId, linksOf, textOf } from '../dom/text';
import type { Adapter } from './adapter';
import { shortTexts } from './labels';

const CARD = '.feed-shared-update-v2, div[data-urn^="urn:li:activity"], div[data-id^="urn:li:activity"]';

export const linkedin: Adapter = {
  id: 'linkedin',
  matches: (url) => /(?:^|\.)linkedin\.com$/.test(url.hostname),
  itemSelector: CARD,
  extract(el, { url, index }) {
    if (el.parentElement?.closest(CARD)) return null;
    const body = el.querySelector(
      '.update-components-text, .feed-shared-update-v2__description, .feed-shared-text',
    );
    const text = body ? textOf(body) : '';
    if (!text.trim()) return null;
    const actor = el.querySelector('.update-components-actor, .feed-shared-actor');
    const labels = actor
      ? shortTexts(actor, (n) => n.matches('.update-components-actor__title, .feed-shared-actor__title'), 40)
      : [];
    if ((el.getAttribute('data-view-tracking-scope') ?? '').toLowerCase().includes('sponsored'))
      labels.unshift('Promoted');
    const urn =
      el.getAttribute('data-urn') ??
      el.getAttribute('data-id') ??
      el.querySelector('[data-urn]')?.getAttribute('data-urn');
    const title = actor?.querySelector('.update-components-actor__title, .feed-shared-actor__title');
    return {
      id: `li-${urn ?? `${index}-${hashId(text.slice(0, 200))}`}`,
      text,
      links: linksOf(el, url.href).filter((l) => !/linkedin\.com\/(?:in|company|feed|posts)\//.test(l.href)),
      labels,
      lang: body?.getAttribute('lang') ?? el.ownerDocument.documentElement.getAttribute('lang'),
      url: url.href,
      platform: 'linkedin',
      author: title ? textOf(title).split('\n')[0]!.trim() : null,
    };
  },
};
