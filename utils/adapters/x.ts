/**
 * X (Twitter): timelines and post pages. Posts are `article[data-testid="tweet"]`; links are t.co
 * wrappers whose anchor text (partly `aria-hidden`) carries the real address; ads show a short
 * "Ad" label (localized: إعلان، Anzeige, Sponsorisé…) and sit in a `placementTracking` cell.
 */
import { hashId, linksOf, textOf } from '../dom/text';
import type { Adapter } from './adapter';
import { onPlatform } from './domains';
import { labelsIn } from './labels';

const TEXT = '[data-testid="tweetText"]';

export const x: Adapter = {
  id: 'x',
  matches: (url) => onPlatform('x', url),
  itemSelector: 'article[data-testid="tweet"]',
  extract(el, { url, index }) {
    const textEls = [...el.querySelectorAll(TEXT)];
    const text = textEls
      .map((t) => textOf(t))
      .join('\n')
      .trim();
    const card = el.querySelector('[data-testid="card.wrapper"]');
    const cardText = card ? textOf(card) : '';
    const body = [text, cardText].filter(Boolean).join('\n');
    if (!body) return null;
    const status = el.querySelector('a[href*="/status/"] time')?.closest('a')?.getAttribute('href') ?? '';
    const id = status.match(/status\/(\d+)/)?.[1] ?? `${index}-${hashId(body.slice(0, 200))}`;
    const labels = labelsIn(el, {
      skip: (n) =>
        n.matches(`${TEXT}, [data-testid="card.wrapper"], [data-testid="User-Name"], time, [role="group"]`),
      max: 20,
    });
    // Ads are wrapped in a placementTracking cell; inside a post the same hook marks video players.
    if (el.parentElement?.closest('[data-testid="placementTracking"]') && !labels.includes('Ad'))
      labels.unshift('Ad');
    const author =
      el.querySelector('[data-testid="User-Name"] a')?.getAttribute('href')?.replace(/^\//, '@') ?? null;
    return {
      id: `x-${id}`,
      text: body,
      links: linksOf(el, url.href).filter(
        (l) => !/\/status\/|^https:\/\/(?:x|twitter)\.com\/[^/]+\/?$/.test(l.href),
      ),
      labels,
      lang: textEls[0]?.getAttribute('lang') ?? null,
      url: url.href,
      platform: 'x',
      author,
    };
  },
};
