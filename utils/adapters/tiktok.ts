/**
 * TikTok: feed items and video pages. Descriptions sit in `[data-e2e="video-desc"]` /
 * `[data-e2e="browse-video-desc"]`; no maintained public selector exists for "Paid partnership",
 * "Promotional content" or "Sponsored", so labels are matched by their text.
 */
import { hashId, linksOf, textOf } from '../dom/text';
import type { Adapter } from './adapter';
import { onPlatform } from './domains';
import { labelsIn } from './labels';

const FEED_ITEM = '[data-e2e="recommend-list-item-container"]';
const DESC = '[data-e2e="video-desc"], [data-e2e="browse-video-desc"]';

export const tiktok: Adapter = {
  id: 'tiktok',
  matches: (url) => onPlatform('tiktok', url),
  itemSelector: `${FEED_ITEM}, ${DESC}`,
  extract(el, { url, index }) {
    // A description inside a feed item belongs to that item.
    if (el.matches(DESC) && el.closest(FEED_ITEM)) return null;
    const root = el.matches(DESC) ? (el.parentElement ?? el) : el;
    const desc = el.matches(DESC) ? el : el.querySelector(DESC);
    const text = desc ? textOf(desc) : '';
    if (!text.trim()) return null;
    const labels = labelsIn(root, {
      skip: (n) => n === desc || n.matches('[data-e2e="comment-list"]'),
      max: 40,
    });
    const videoLink = root.querySelector('a[href*="/video/"]')?.getAttribute('href') ?? url.pathname;
    const id = videoLink.match(/\/video\/(\d+)/)?.[1] ?? `${index}-${hashId(text.slice(0, 200))}`;
    const author = root.querySelector('[data-e2e="video-author-uniqueid"], [data-e2e="browse-username"]');
    return {
      id: `tt-${id}`,
      text,
      links: linksOf(root, url.href).filter((l) => !/tiktok\.com\/(?:@|tag|music|video)/.test(l.href)),
      labels,
      lang: el.ownerDocument.documentElement.getAttribute('lang'),
      url: url.href,
      platform: 'tiktok',
      author: author ? textOf(author).trim() : null,
    };
  },
};
