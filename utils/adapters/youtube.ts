/**
 * YouTube: the watch page (title, description, the "Includes paid promotion" overlay), home,
 * search and channel grids by video tile, Shorts, and ad slots. Description links go through
 * youtube.com/redirect?q=, unwrapped by the engine.
 */
import { hashId, linksOf, textOf } from '../dom/text';
import type { Adapter } from './adapter';
import { onPlatform } from './domains';
import { labelText } from './labels';

const WATCH = 'ytd-watch-metadata, ytm-slim-video-metadata-section-renderer';
const TILE =
  'ytd-rich-item-renderer, ytd-video-renderer, ytd-grid-video-renderer, ytd-compact-video-renderer, ytd-reel-item-renderer, ytm-shorts-lockup-view-model, ytd-reel-video-renderer';
const AD =
  'ytd-ad-slot-renderer, ytd-in-feed-ad-layout-renderer, ytd-promoted-video-renderer, ytd-promoted-sparkles-web-renderer';
const PAID_OVERLAY =
  '.ytp-paid-content-overlay, ytd-paid-content-overlay-renderer, ytm-paid-content-overlay-renderer, .ytp-paid-content-overlay-link';

function videoId(el: Element): string | null {
  const href =
    el
      .querySelector(
        'a#thumbnail, a#video-title, a#video-title-link, a[href*="watch?v="], a[href*="/shorts/"]',
      )
      ?.getAttribute('href') ?? '';
  return href.match(/[?&]v=([\w-]{6,})/)?.[1] ?? href.match(/\/shorts\/([\w-]{6,})/)?.[1] ?? null;
}

function paidLabel(scope: ParentNode): string[] {
  const overlay = scope.querySelector(PAID_OVERLAY);
  if (!overlay) return [];
  const text = labelText(overlay);
  return [text && text.length <= 80 ? text : 'Includes paid promotion'];
}

function badgeLabels(el: Element): string[] {
  return [
    ...el.querySelectorAll(
      'ytd-badge-supported-renderer, .badge, [class*="ad-badge"], .yt-badge-shape__text, [aria-label="Sponsored"]',
    ),
  ]
    .map((b) => labelText(b))
    .filter((t) => t && t.length <= 40);
}

export const youtube: Adapter = {
  id: 'youtube',
  matches: (url) => onPlatform('youtube', url),
  itemSelector: `${WATCH}, ${TILE}, ${AD}`,
  extract(el, { url, index }) {
    if (el.parentElement?.closest(`${TILE}, ${AD}`)) return null;
    const doc = el.ownerDocument;
    if (el.matches(WATCH)) {
      const title = textOf(el.querySelector('h1') ?? el).trim();
      const expander = el.querySelector(
        'ytd-text-inline-expander, #description-inline-expander, #description',
      );
      const description = expander
        ? textOf(expander.querySelector('#expanded, yt-attributed-string') ?? expander)
        : '';
      const snippet = expander?.querySelector('#attributed-snippet-text, #snippet');
      const expanded = expander?.hasAttribute('is-expanded') ?? true;
      const text = [title, description].filter(Boolean).join('\n');
      if (!text) return null;
      // Collapsed descriptions show a few lines; the rest sits behind "…more".
      const visible = snippet ? textOf(snippet).length : 260;
      const fold = expanded ? null : Math.min(text.length, title.length + 1 + visible);
      const owner = doc.querySelector('ytd-video-owner-renderer #channel-name a, #owner #channel-name a');
      return {
        id: `yt-${url.searchParams.get('v') ?? hashId(title)}`,
        text,
        fold,
        links: expander ? linksOf(expander, url.href) : [],
        labels: [...paidLabel(doc), ...badgeLabels(el)],
        lang: doc.documentElement.getAttribute('lang'),
        url: url.href,
        platform: 'youtube',
        author: owner ? textOf(owner).trim() : null,
      };
    }
    const title = textOf(
      el.querySelector('#video-title, h3, .shortsLockupViewModelHostMetadataTitle, h2') ?? el,
    ).trim();
    const snippet = el.querySelector(
      '.metadata-snippet-text, #description-text, .yt-lockup-metadata-view-model__metadata',
    );
    const body = el.matches(AD)
      ? textOf(el)
      : [title, snippet ? textOf(snippet) : ''].filter(Boolean).join('\n');
    if (!body) return null;
    const channel = el.querySelector('ytd-channel-name a, #channel-name a, #text.ytd-channel-name');
    return {
      id: `yt-${el.matches(AD) ? 'ad-' : ''}${videoId(el) ?? `${index}-${hashId(body.slice(0, 200))}`}`,
      text: body,
      links: linksOf(el, url.href).filter((l) => !/youtube\.com\/(?:watch|shorts|@|channel)/.test(l.href)),
      labels: el.matches(AD) ? ['Sponsored', ...badgeLabels(el)] : badgeLabels(el),
      lang: doc.documentElement.getAttribute('lang'),
      url: url.href,
      platform: 'youtube',
      author: channel ? textOf(channel).trim() : null,
    };
  },
};
