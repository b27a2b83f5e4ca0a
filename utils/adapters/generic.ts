/**
 * Ordinary pages: the main article, ad units in asides and sidebars, newsletter sections.
 * Also the fallback when a platform's markup changes and its adapter finds nothing.
 */
import { canonicalUrl, hashId, langOf, linksOf, textOf } from '../dom/text';
import type { Adapter } from './adapter';

/** Ad units by their usual names: class/id tokens ad, ads, advert, sponsor(ed), promo(ted). */
const AD_UNIT = [
  'aside',
  'ins.adsbygoogle',
  ...['div', 'section'].flatMap((tag) => [
    `${tag}[class~="ad"]`,
    `${tag}[class*="ad-unit"]`,
    `${tag}[class*="ad-slot"]`,
    `${tag}[class*="advert"]`,
    `${tag}[class*="sponsor"]`,
    `${tag}[class*="promo"]`,
    `${tag}[id^="ad-"]`,
    `${tag}[id*="sponsor"]`,
    `${tag}[data-ad]`,
    `${tag}[data-ad-slot]`,
  ]),
  '[aria-label="Advertisement"]',
  '[aria-label="إعلان"]',
].join(', ');
const ARTICLE = 'article, [role="article"]';
const SECTION = 'main > section, [role="main"] > section, .newsletter section, body > table td.section';

export const ITEM_SELECTOR = `${ARTICLE}, ${AD_UNIT}, ${SECTION}`;

function isNestedItem(el: Element): boolean {
  const parent = el.parentElement?.closest(ITEM_SELECTOR);
  // An ad unit or an article (a comment, an embedded card) inside an article is its own item, and
  // the outer one's text leaves it out; a section inside an item is part of it.
  return Boolean(parent) && !el.matches(AD_UNIT) && !el.matches(ARTICLE);
}

/** Short texts marked as labels inside an item: "Sponsored", "Advertisement", "إعلان". */
function labelsOf(el: Element): string[] {
  const labels: string[] = [];
  const candidates = [
    ...el.querySelectorAll(
      '[class*="label"], [class*="badge"], [class*="sponsor"], [class*="disclosure"], [class*="ad-tag"], [aria-label], small, .kicker',
    ),
  ].filter((c) => (c.matches(ITEM_SELECTOR) ? c.parentElement : c)?.closest(ITEM_SELECTOR) === el); // not a nested item's labels
  for (const c of candidates) {
    const t = (c.getAttribute('aria-label') || textOf(c)).trim();
    if (t && t.length <= 40) labels.push(t);
    if (labels.length >= 8) break;
  }
  return labels;
}

export const generic: Adapter = {
  id: 'generic',
  matches: () => true,
  itemSelector: ITEM_SELECTOR,
  extract(el, { url, index }) {
    if (isNestedItem(el)) return null;
    const exclude = (child: Element) => child.matches(AD_UNIT) || child.matches(ARTICLE);
    const text = textOf(el, { exclude });
    if (text.length < 3) return null;
    const doc = el.ownerDocument;
    return {
      id: `g-${el.tagName.toLowerCase()}-${index}-${hashId(text.slice(0, 200))}`,
      text,
      links: linksOf(el, url.href, exclude),
      labels: labelsOf(el),
      lang: langOf(el) ?? doc?.documentElement.getAttribute('lang') ?? null,
      url: (doc && canonicalUrl(doc, true)) ?? url.href,
      platform: 'generic',
      author: null,
    };
  },
};

/** When a page has no article, section or ad unit, its body is one item. */
export const genericBody: Adapter = {
  ...generic,
  itemSelector: 'main, [role="main"], body',
  extract(el, ctx) {
    if (el.tagName === 'BODY' && el.querySelector('main, [role="main"]')) return null;
    return generic.extract.call(this, el, ctx);
  },
};
