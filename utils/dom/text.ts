/**
 * Reading text and links out of page markup without layout: works the same on a live page
 * (content script) and on a parsed saved page (CLI). Page text is data: it is read, never injected.
 */
import { fnv1a } from '../engine/tokens';
import { type ItemLink, MAX_ITEM_TEXT } from '../engine/types';
import { MAX_LINKS } from './limits';

/** Elements whose content is never page text (scripts, media, form controls). */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'svg',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'IFRAME',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'IMG',
]);
/** Elements that start a new line: text on either side of them does not run together. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'UL',
]);

export interface TextOptions {
  /** Elements (item roots of other items) whose text belongs elsewhere. */
  exclude?: (el: Element) => boolean;
  /** Also read `aria-hidden` parts (X hides parts of link text that way). */
  includeAriaHidden?: boolean;
}

function hidden(el: Element, opts: TextOptions): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (
    !opts.includeAriaHidden &&
    el.getAttribute('aria-hidden') === 'true' &&
    el.tagName !== 'A' &&
    !el.closest('a')
  )
    return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Visible-ish text of an element, with line breaks at block boundaries, descending into open shadow roots. */
export function textOf(root: Element, opts: TextOptions = {}): string {
  const parts: string[] = [];
  let length = 0;
  const visit = (node: Node) => {
    if (length > MAX_ITEM_TEXT) return;
    if (node.nodeType === 3) {
      // Read no more of a huge text node than the item can hold.
      const t = (node.nodeValue ?? '').slice(0, MAX_ITEM_TEXT - length + 1);
      parts.push(t);
      length += t.length;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const el = node as Element;
    if (node.nodeType === 1) {
      if (SKIP_TAGS.has(el.tagName) || hidden(el, opts)) return;
      if (el !== root && opts.exclude?.(el)) return;
    }
    const block = node.nodeType === 1 && BLOCK_TAGS.has(el.tagName);
    if (block) parts.push('\n');
    const shadow = node.nodeType === 1 ? (el as HTMLElement).shadowRoot : null;
    // Past the cap, the rest of a long run of siblings is not even looked at.
    if (shadow) for (let c = shadow.firstChild; c && length <= MAX_ITEM_TEXT; c = c.nextSibling) visit(c);
    for (let c = node.firstChild; c && length <= MAX_ITEM_TEXT; c = c.nextSibling) visit(c);
    if (block) parts.push('\n');
  };
  visit(root);
  return parts
    .join('')
    .replace(/[ \t\f\r\u00a0]+/g, ' ')
    .replace(/ ?\n[ \n]*/g, '\n')
    .trim()
    .slice(0, MAX_ITEM_TEXT);
}

/** Links of an element: their href resolved against the page, and their full visible text. */
export function linksOf(root: Element, base: string, exclude?: (el: Element) => boolean): ItemLink[] {
  const out: ItemLink[] = [];
  const anchors = [...root.querySelectorAll('a[href]')];
  const shadow = (root as HTMLElement).shadowRoot;
  if (shadow) anchors.push(...shadow.querySelectorAll('a[href]'));
  for (const a of anchors) {
    if (exclude && ancestorMatches(a, root, exclude)) continue;
    const raw = a.getAttribute('href') ?? '';
    if (!raw || raw.startsWith('#') || /^javascript:/i.test(raw)) continue;
    let href: string;
    try {
      href = new URL(raw, base).href;
    } catch {
      continue;
    }
    out.push({ href, text: textOf(a, { includeAriaHidden: true }).replace(/\s+/g, '') });
    if (out.length >= MAX_LINKS) break;
  }
  return out;
}

function ancestorMatches(el: Element, root: Element, test: (el: Element) => boolean): boolean {
  for (let p = el.parentElement; p && p !== root; p = p.parentElement) if (test(p)) return true;
  return false;
}

/**
 * The page's canonical address: `<link rel=canonical>`, then `og:url`, else null. Both belong in
 * <head>; a saved page may carry them elsewhere (the CLI's parser does not move stray ones into
 * the head as browsers do), so the rest of the document is searched too unless `headOnly` (per
 * item on a live page, where a whole-document search on a page without them is too costly).
 */
export function canonicalUrl(doc: Document, headOnly = false): string | null {
  const find = (scope: ParentNode) =>
    scope.querySelector('link[rel="canonical"]')?.getAttribute('href') ||
    scope.querySelector('meta[property="og:url"]')?.getAttribute('content') ||
    null;
  return (doc.head && find(doc.head)) || (headOnly ? null : find(doc));
}

/** The language declared on the element or its ancestors. */
export function langOf(el: Element): string | null {
  const holder = el.closest('[lang]');
  return holder?.getAttribute('lang') || null;
}

/** A short, stable hash for ids (FNV-1a, base 36). */
export function hashId(s: string): string {
  return fnv1a(s).toString(36);
}
