/**
 * LinkedIn: feed cards (`.feed-shared-update-v2`, activity and sponsored-content `data-urn`s).
 * Ads read "Promoted" / "Promoted by …" / "تم الترويج" in the actor's description or
 * sub-description — often twice, a visible copy hidden from screen readers beside a visually
 * hidden accessible copy, sometimes only as an accessible name — and sometimes in the header
 * above the actor. A card is known as promoted three ways: its structure (a sponsored-content urn,
 * a `data-view-tracking-scope` that decodes to a sponsored breadcrumb), the label's localized text,
 * and accessible names. Links go through linkedin.com/redir/redirect or lnkd.in.
 */
import { hashId, linksOf, textOf } from '../dom/text';
import type { Adapter } from './adapter';
import { onPlatform } from './domains';
import { accessibleText, labelsIn, referencedText } from './labels';

const SPONSORED_URN = '[data-urn*="sponsoredContent"], [data-id*="sponsoredContent"]';
const CARD =
  '.feed-shared-update-v2, div[data-urn^="urn:li:activity"], div[data-id^="urn:li:activity"], div[data-urn*="sponsoredContent"], div[data-id*="sponsoredContent"]';
const BODY = '.update-components-text, .feed-shared-update-v2__description, .feed-shared-text';
const ACTOR = '.update-components-actor, .feed-shared-actor';
const ACTOR_TITLE =
  '.update-components-actor__title, .feed-shared-actor__title, .update-components-actor__name, .feed-shared-actor__name';
/** Where the label sits: the actor block, the header line above it ("Promoted by …"). */
const LABEL_ZONES = `${ACTOR}, .update-components-header, .feed-shared-header, [class*="update-components-actor__description"], [class*="update-components-actor__sub-description"]`;
/** Parts of a card that never hold its label: comments, social counts and actions, buttons. */
const OUTSIDE_LABELS =
  '[class*="comments-"], [class*="social-details"], [class*="social-action"], button, [role="button"], [role="toolbar"]';
/** An ad's own headline and call to action (image, article, document and video ads). */
const AD_HEADLINE =
  '.update-components-article__title, .update-components-article__subtitle, .update-components-entity__title, .update-components-entity__description, .feed-shared-article__title, .update-components-document__title';

/**
 * "Promoted" as LinkedIn writes it, by locale: the whole label, optionally "… by <company>".
 * `packed`: the engine's language packs read this locale's label themselves; for the others the
 * card also carries the English label.
 */
const PROMOTED: { re: RegExp; packed: boolean }[] = [
  { re: /^(?:promoted|sponsored)(?: by .+)?$/i, packed: true },
  { re: /^(?:تم الترويج|الترويج|ترويج|مُروَّج|مروج|مُموَّل|ممول)(?: (?:بواسطة|من|من قبل) .+)?$/u, packed: true },
  { re: /^(?:sponsorisé|promu|contenu sponsorisé)(?: par .+)?$/i, packed: true },
  { re: /^(?:gesponsert|anzeige|beworben)(?: von .+)?$/i, packed: true },
  { re: /^(?:promocionado|patrocinado)(?: por .+)?$/i, packed: true },
  {
    re: /^(?:promovido|promovida|promosso|promossa|sponsorizzato|gepromoot|gesponsord|promowane|sponsorowane|marknadsfört|sponsrad|promoveret|sponset|promotert|sponsoroitu|propagováno|sponzorováno|promovat|sponsorizat|tanıtıldı|sponsorlu|продвигается|реклама|рекламна публікація|dipromosikan|disponsori|được quảng bá|ได้รับการโปรโมท|โปรโมท|प्रमोट किया गया|प्रायोजित|na-promote|プロモーション|広告|推广|宣傳|推廣|홍보|광고)(?: \S+ .+)?$/iu,
    packed: false,
  },
];

function promotedLocale(label: string): { packed: boolean } | null {
  const t = label.trim();
  return PROMOTED.find((p) => p.re.test(t)) ?? null;
}

/** LinkedIn's creator disclosure ("Brand partnership"), read by the packs as it is. */
const PARTNERSHIP =
  /^(?:brand partnership|paid partnership|شراكة مدفوعة|شراكة مع علامة تجارية)(?: (?:with|مع) .+)?$/iu;

/** Whether a tracking scope names a sponsored breadcrumb: plain, base64 JSON, or JSON byte arrays. */
export function trackingScopeSponsored(scope: string): boolean {
  const said = (s: string) =>
    /sponsored/i.test(s.replace(/["']?\w*sponsored\w*["']?\s*:\s*(?:false|null|0)\b/gi, ''));
  const bytes = (s: string) => {
    for (const m of s.matchAll(/"data"\s*:\s*\[([\d,\s]{8,})\]/g)) {
      const codes = m[1]!.split(',').slice(0, 20000).map(Number);
      if (said(String.fromCharCode(...codes.filter((n) => n > 0 && n < 65536)))) return true;
    }
    return false;
  };
  const raw = scope.slice(0, 100_000);
  if (said(raw) || bytes(raw)) return true;
  const compact = raw.trim();
  if (!/^[A-Za-z0-9+/_-]{8,}={0,2}$/.test(compact)) return false;
  try {
    const decoded = atob(compact.replace(/-/g, '+').replace(/_/g, '/'));
    return said(decoded) || bytes(decoded);
  } catch {
    return false;
  }
}

/** Sponsored by structure: a sponsored-content urn, or a sponsored tracking scope on or around the card. */
function sponsoredByStructure(card: Element): boolean {
  // The card's own wrapper (the feed's list item), not an ancestor of several cards.
  let wrapper = card.parentElement?.closest('[data-id], [data-urn]') ?? null;
  if (wrapper && [...wrapper.querySelectorAll(CARD)].some((c) => c !== card && !card.contains(c)))
    wrapper = null;
  if (card.matches(SPONSORED_URN) || wrapper?.matches(SPONSORED_URN)) return true;
  const urn = card.querySelector('[data-urn]');
  if (urn?.matches(SPONSORED_URN) && !urn.closest(BODY)) return true;
  const scopes = [card, wrapper, ...card.querySelectorAll('[data-view-tracking-scope]')];
  for (const s of scopes.slice(0, 8)) {
    const scope = s?.getAttribute('data-view-tracking-scope');
    if (scope && !s!.closest(BODY) && trackingScopeSponsored(scope)) return true;
  }
  return false;
}

/**
 * Labels in the actor and header, and the card's own accessible name, when they say "Promoted" or
 * "Brand partnership". The actor's other lines are a person's own words (a headline such as
 * "Promoted to VP of Sales" or "Ad Ops lead") and are never passed on as labels.
 */
function labelsOf(card: Element): string[] {
  const labels: string[] = [];
  const skip = (n: Element) => n.matches(`${ACTOR_TITLE}, ${BODY}, button, [role="button"]`);
  const zones = [...card.querySelectorAll(LABEL_ZONES)].filter(
    (z, i, all) => !all.some((o, j) => j !== i && o.contains(z)) && !z.closest(BODY),
  );
  for (const zone of zones.slice(0, 4)) labels.push(...labelsIn(zone, { skip, max: 60, limit: 16 }));
  // The card's own name ("Promoted post by …" on some builds).
  const own = referencedText(card) || (card.getAttribute('aria-label') ?? '');
  const lead = own.match(/^(?:promoted|sponsored)\b/i);
  if (lead) labels.push(lead[0]);
  const keep = (l: string) => Boolean(promotedLocale(l)) || PARTNERSHIP.test(l.trim());
  if (!labels.some((l) => promotedLocale(l))) {
    // The label moved out of the classes above: anywhere in the card but its text, comments and
    // buttons, as the whole of a short text (the exact match keeps a member's words out).
    labels.push(
      ...labelsIn(card, {
        skip: (n) => n.matches(`${ACTOR_TITLE}, ${BODY}, ${OUTSIDE_LABELS}`),
        max: 60,
        limit: 40,
      }).filter(keep),
    );
  }
  return [...new Set(labels)].filter(keep);
}

export const linkedin: Adapter = {
  id: 'linkedin',
  matches: (url) => onPlatform('linkedin', url),
  itemSelector: CARD,
  extract(el, { url, index }) {
    if (el.parentElement?.closest(CARD)) return null;
    const body = el.querySelector(BODY);
    const labels = labelsOf(el);
    const byText = labels.map(promotedLocale).find(Boolean);
    const promoted = Boolean(byText) || sponsoredByStructure(el);
    // Structure alone, or a locale the packs do not read: the card also carries the English label.
    if (promoted && !byText?.packed) labels.unshift('Promoted');
    let text = body ? textOf(body) : '';
    if (promoted) {
      // An ad's headline is part of the ad (image and document ads may have no commentary at all).
      // Read once: the headline, too, comes as a visible and an accessible copy.
      const headline = [...el.querySelectorAll(AD_HEADLINE)]
        .map((h) => accessibleText(h))
        .filter(Boolean)
        .join('\n');
      if (headline && !text.includes(headline)) text = [text, headline].filter(Boolean).join('\n');
    }
    if (!text.trim()) return null;
    const urn =
      el.getAttribute('data-urn') ??
      el.getAttribute('data-id') ??
      el.querySelector('[data-urn]')?.getAttribute('data-urn');
    const title = el.querySelector(ACTOR)?.querySelector(ACTOR_TITLE);
    return {
      id: `li-${urn ?? `${index}-${hashId(text.slice(0, 200))}`}`,
      text,
      links: linksOf(el, url.href).filter((l) => !/linkedin\.com\/(?:in|company|feed|posts)\//.test(l.href)),
      labels,
      lang: body?.getAttribute('lang') ?? el.ownerDocument.documentElement.getAttribute('lang'),
      url: url.href,
      platform: 'linkedin',
      author: title ? authorOf(title) : null,
    };
  },
};

/** The actor's name: the accessible copy when the name is duplicated, else its first line. */
function authorOf(title: Element): string | null {
  const name = title.querySelector('.visually-hidden') ?? title;
  const t = textOf(name).split('\n')[0]!.trim();
  return t || null;
}
