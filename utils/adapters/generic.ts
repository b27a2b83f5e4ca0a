/**
 * Ordinary pages: the main article, ad units in asides and sidebars, newsletter sections.
 * Also the fallback when a platform's markup changes and its adapter finds nothing.
 *
 * A news page's ad inventory is not its articles' sponsorship: empty or generic ad slots ("Advertiser
 * Content From" with a `data-native-ad-id`, sponsorship units, ad iframes with only a label) are
 * never items, and an article takes labels only from its own header or byline — never from a slot
 * inside or beside it, whose text is left out of the article's too.
 */
import { canonicalUrl, hashId, langOf, linksOf, textOf } from '../dom/text';
import type { Adapter } from './adapter';
import { cleanLabel, labelTexts } from './labels';

/** Ad units by their usual names: class/id tokens ad, ads, advert, sponsor(ed), promo(ted). */
const AD_UNIT = [
  'aside',
  'ins.adsbygoogle',
  ...['div', 'section'].flatMap((tag) => [
    `${tag}[class~="ad"]`,
    `${tag}[class~="ads"]`,
    `${tag}[class~="advertisement"]`,
    `${tag}[class*="ad-unit"]`,
    `${tag}[class*="ad-slot"]`,
    `${tag}[class*="advert"]`,
    `${tag}[class*="native-ad"]`,
    `${tag}[class*="sponsor"]`,
    `${tag}[class*="promo"]`,
    `${tag}[id^="ad-"]`,
    `${tag}[id^="div-gpt-ad"]`,
    `${tag}[id*="sponsor"]`,
    `${tag}[data-ad]`,
    `${tag}[data-ad-slot]`,
    `${tag}[data-ad-unit]`,
  ]),
  '[data-native-ad-id]',
  '[data-google-query-id]',
  '[aria-label="Advertisement"]',
  '[aria-label="إعلان"]',
].join(', ');
const ARTICLE = 'article, [role="article"]';
const SECTION = 'main > section, [role="main"] > section, .newsletter section, body > table td.section';

export const ITEM_SELECTOR = `${ARTICLE}, ${AD_UNIT}, ${SECTION}`;

/** Where an article labels itself: its header, kicker, byline, meta line. */
const HEAD =
  'header, [class*="byline"], [class*="kicker"], [class*="eyebrow"], [class*="dateline"], [class*="entry-meta"], [class*="article-meta"], [class*="post-meta"], [class*="story-meta"], [class*="article-header"], [class*="story-header"], [class*="post-header"]';
/** Elements that may hold an item's label. */
const LABEL_HINT =
  '[class*="label"], [class*="badge"], [class*="sponsor"], [class*="disclosure"], [class*="ad-tag"], [class*="byline"], [class*="kicker"], [class*="eyebrow"], [aria-label], [aria-labelledby], small';

/** Class and id words of an ad slot ("ad-slot", "div-gpt-ad-…", "native-ad", "sponsorship-unit"). */
const AD_WORDS = new Set([
  'ad',
  'ads',
  'advert',
  'adverts',
  'advertisement',
  'advertisements',
  'advertising',
  'adunit',
  'adslot',
  'adbox',
  'adzone',
  'adcontainer',
  'adwrapper',
  'adspace',
  'adsbygoogle',
  'dfp',
]);
/** Words that make an ad-named element a label or a part of an ad, not the slot ("ad-label"). */
const AD_PART_WORDS = new Set([
  'label',
  'tag',
  'badge',
  'title',
  'text',
  'copy',
  'choices',
  'feedback',
  'disclosure',
  'notice',
  'marker',
  'icon',
  'free',
  'blocker',
  'headline',
]);
const SLOT_TAGS = new Set(['DIV', 'SECTION', 'ASIDE', 'INS', 'FIGURE', 'LI', 'IFRAME', 'ARTICLE']);

/** Whether an element is an ad slot: the page's ad inventory, by its attributes and class/id words. */
export function isAdSlot(el: Element): boolean {
  if (!SLOT_TAGS.has(el.tagName)) return false;
  for (const a of el.getAttributeNames()) {
    if (
      /^data-(?:ad|adunit|adslot|native-ad|native-ad-id|google-query-id|ad-(?:slot|unit|id|client|format|placement|position|name|size|type|zone|region))$/.test(
        a,
      )
    )
      return true;
  }
  if (/^(?:advertisement|إعلان|ad)$/i.test(el.getAttribute('aria-label') ?? '')) return true;
  const tokens = `${el.getAttribute('class') ?? ''} ${el.id}`.toLowerCase().split(/\s+/);
  for (const t of tokens) {
    if (!t) continue;
    if (/^(?:div-gpt-ad|google_ads_iframe|gpt-ad|dfp-ad|adsbygoogle)/.test(t)) return true;
    const parts = t.split(/[-_]+/);
    if (parts.some((p) => AD_PART_WORDS.has(p))) continue;
    if (parts.some((p) => AD_WORDS.has(p))) return true;
    if (
      parts.includes('sponsorship') &&
      parts.some((p) => /^(?:unit|slot|ad|ads|module|container|placement)$/.test(p))
    )
      return true;
  }
  return false;
}

/** What an ad slot says about itself, and nothing else: "Advertisement", "Advertiser Content From". */
const SLOT_LABEL =
  /^(?:advertisements?|advertising|advert|ads?|sponsored(?: content| links?)?|promoted(?: content)?|paid content|advertiser content(?: from)?|content from (?:our )?sponsors?|(?:story|article) continues below(?: this)? (?:advertisement|ad)|continue reading below|scroll to continue(?: with content)?|ad feedback|report (?:this )?ad|advertise with us|إعلان|اعلان|مساحة إعلانية|publicité|anzeige|werbung|publicidad|anuncio)$/iu;

/** The text of a small element, or null when it has more than `max` characters (read no further). */
function smallText(el: Element, max: number): string | null {
  let out = '';
  let nodes = 0;
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    out += n.nodeValue ?? '';
    if (out.trim().length > max || ++nodes > 40) return null;
  }
  return out;
}

/**
 * An item's own label holder: a short ad-named element ("sponsor-label", a "sponsor-byline") that
 * is part of the item, not an ad unit of its own. In an article, only in its head.
 */
function isOwnLabelHolder(el: Element, item: Element, headOnly = readsHeadOnly(item)): boolean {
  if (el === item || el.matches(ARTICLE) || isAdSlot(el) || smallText(el, 80) === null) return false;
  if (!headOnly) return true;
  const head = el.closest(HEAD);
  return head !== null && item.contains(head);
}

function isNestedItem(el: Element): boolean {
  const parent = el.parentElement?.closest(ITEM_SELECTOR);
  if (!parent) return false;
  // An article's own "Sponsored by …" line is part of the article, not an ad unit of its own.
  if (isOwnLabelHolder(el, parent)) return true;
  // An ad unit or an article (a comment, an embedded card) inside an article is its own item, and
  // the outer one's text leaves it out; a section inside an item is part of it.
  return !el.matches(AD_UNIT) && !el.matches(ARTICLE);
}

/** Items that read their labels only from their head: articles and whole pages. */
function readsHeadOnly(el: Element): boolean {
  return el.matches(`${ARTICLE}, main, [role="main"], body`) && !isAdSlot(el);
}

/** What is asked of an item again and again while it is read, worked out once. */
interface ItemScope {
  el: Element;
  /** The item is ad inventory itself (its parts are the ad). */
  isAd: boolean;
  /** It reads its labels only from its head (an article, a whole page). */
  headOnly: boolean;
}
const scopeOf = (el: Element): ItemScope => ({ el, isAd: isAdLike(el), headOnly: readsHeadOnly(el) });

/** Whether `el` is an item of its own, or ad inventory, inside the item. */
function foreign(el: Element, item: ItemScope): boolean {
  if (el === item.el) return false;
  if (el.matches(ITEM_SELECTOR) && !isOwnLabelHolder(el, item.el, item.headOnly)) return true;
  // Inside an ad unit, its own parts are the ad; elsewhere an ad slot is the page's inventory.
  return !item.isAd && isAdSlot(el);
}

function isAdLike(el: Element): boolean {
  return isAdSlot(el) || (el.matches(AD_UNIT) && !el.matches(ARTICLE));
}

/** A bare ad-slot label ("ADVERTISEMENT") in an article's body, outside its head. */
function isBareSlotLabel(el: Element, item: Element): boolean {
  if (el.childElementCount > 3) return false;
  const raw = smallText(el, 60);
  if (raw === null || !SLOT_LABEL.test(cleanLabel(raw))) return false;
  const head = el.closest(HEAD);
  return !(head && item.contains(head));
}

/**
 * The elements before an article's first paragraph of body text: its head by position. Null when
 * it has none (a short card), where every label counts.
 */
function headByPosition(item: ItemScope): Set<Element> | null {
  let first: Element | null = null;
  for (const p of item.el.querySelectorAll('p')) {
    if (p.closest(HEAD) || owner(p, item) !== item.el) continue;
    if ((p.textContent ?? '').trim().length >= 80) {
      first = p;
      break;
    }
  }
  if (!first) return null;
  const before = new Set<Element>();
  for (const e of item.el.querySelectorAll('*')) {
    if (e === first) break;
    before.add(e);
  }
  return before;
}

/** The item an element belongs to: the nearest item or ad slot above it, up to `item`. */
function owner(el: Element, item: ItemScope): Element | null {
  for (let p: Element | null = el; p && p !== item.el; p = p.parentElement) {
    if (foreign(p, item)) return p;
  }
  return item.el;
}

/** Short texts marked as labels inside an item: "Sponsored", "Advertisement", "إعلان". */
function labelsOf(item: ItemScope): string[] {
  const el = item.el;
  const head = item.headOnly ? headByPosition(item) : null;
  const labels: string[] = [];
  for (const c of el.querySelectorAll(LABEL_HINT)) {
    // Not a nested item's or an ad slot's label.
    if (owner(c, item) !== el) continue;
    if (item.headOnly && head && !head.has(c)) {
      const h = c.closest(HEAD);
      if (!h || !el.contains(h)) continue;
    }
    for (const t of labelTexts(c)) if (t.length <= 40) labels.push(t);
    if (labels.length >= 8) break;
  }
  return [...new Set(labels)];
}

/** A slot label that names the advertiser next ("Advertiser Content From" + a brand). */
const SLOT_LEAD =
  /^(?:advertiser content from|content from|sponsored by|presented by|paid for by|brought to you by|in partnership with|برعاية|إعلان من|محتوى من)\s+/iu;
const ENDS_WITH_CONNECTOR = /(?:^|\s)(?:from|by|with|من|بواسطة|مع|برعاية)$/iu;
const wordsOf = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * An ad slot with nothing of its own: only its label, boilerplate, the advertiser's name after
 * "Advertiser Content From" / "Sponsored by", a logo or an empty frame.
 */
function isEmptySlot(text: string, labels: readonly string[]): boolean {
  const known = labels.map((l) => l.toLowerCase());
  const rest = text
    .split('\n')
    .map((line) => {
      let t = cleanLabel(line);
      let named = false;
      for (const l of known) {
        if (l && t.toLowerCase().startsWith(l)) {
          t = cleanLabel(t.slice(l.length));
          named ||= ENDS_WITH_CONNECTOR.test(l);
        }
      }
      const lead = t.match(SLOT_LEAD);
      if (lead) {
        t = t.slice(lead[0].length);
        named = true;
      }
      if (SLOT_LABEL.test(t) || (named && wordsOf(t).length <= 3)) return '';
      return t;
    })
    .join(' ');
  const words = wordsOf(rest);
  return words.length < 3 && words.join('').length < 15;
}

export const generic: Adapter = {
  id: 'generic',
  matches: () => true,
  itemSelector: ITEM_SELECTOR,
  extract(el, { url, index }) {
    if (isNestedItem(el)) return null;
    const item = scopeOf(el);
    const exclude = (child: Element) => foreign(child, item) || (item.headOnly && isBareSlotLabel(child, el));
    const text = textOf(el, { exclude });
    if (text.length < 3) return null;
    const labels = labelsOf(item);
    if (item.isAd && isEmptySlot(text, labels)) return null;
    const doc = el.ownerDocument;
    return {
      id: `g-${el.tagName.toLowerCase()}-${index}-${hashId(text.slice(0, 200))}`,
      text,
      links: linksOf(el, url.href, exclude),
      labels,
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
