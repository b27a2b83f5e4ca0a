/**
 * In-page marks: a small chip on each flagged post, in a closed Shadow DOM so the page's CSS
 * can't reach it and page scripts can't read it. The host is the post's last child, taken out of
 * the flow (absolutely positioned, no size): in block, flex and grid posts alike it takes no room,
 * and it scrolls, transforms and clips with its post. A page rule about its children (":last-child",
 * sibling spacing) can still change the post's size when the mark joins: then the mark moves to the
 * end of the post's last child, else to the post's start, whichever leaves the post as it was. The chip is placed on
 * the post's inline-end side (the post's own direction) where it covers none of the post's text,
 * media or controls (utils/mark-place.ts), in the page's colour scheme, and placed again when the
 * post changes size. Everything shown is set with textContent: page text is never parsed as HTML.
 */

import type { Correction } from './feedback-match';
import { type Box, DOT, placeChip } from './mark-place';
import type { FindingWire } from './protocol';

export const MARK_TAG = 'basira-mark';

/** The marks Basira created: a page can make elements with the same tag, not these references. */
const OWN_HOSTS = new WeakSet<Node>();
export const isOwnMark = (node: Node): boolean => OWN_HOSTS.has(node);

export interface MarkStrings {
  verdict(verdict: FindingWire['verdict']): string;
  why(finding: FindingWire): string;
  /** The finding's explanation, one line each: the popup's very lines (utils/explain.ts cueLines). */
  lines(finding: FindingWire): string[];
  details: string;
  close: string;
  label(finding: FindingWire): string;
  /** "This is wrong", and the corrections it offers (utils/feedback-match.ts correctionChoices). */
  wrong: string;
  choices(finding: FindingWire): { correction: Correction; label: string }[];
}

/** The host's own box: out of the flow, no size, whatever the page's stylesheets say of the tag. */
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  position: 'absolute',
  width: '0',
  height: '0',
  margin: '0',
  padding: '0',
  border: '0',
  overflow: 'visible',
  'z-index': '1',
  'pointer-events': 'auto',
};

const STYLE = `
:host { all: initial; }
.spot { position: absolute; left: 0; top: 0; width: max-content; }
.spot:not([data-placed]) { visibility: hidden; }
.chip {
  display: block; box-sizing: border-box;
  font: 600 11px/1.4 system-ui, "Segoe UI", "Noto Sans Arabic", sans-serif;
  padding: 1px 8px; border-radius: 999px; border: 1px solid currentColor; cursor: pointer;
  background: #fff; color: #8a5a00; box-shadow: 0 1px 3px rgba(0,0,0,.2);
}
.chip[data-verdict="undisclosed"] { color: #b3261e; }
.chip[data-compact] {
  inline-size: ${DOT}px; block-size: ${DOT}px; padding: 0; font-size: 0; line-height: 0;
  border: 2px solid #fff; background: currentColor;
}
.chip:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.panel {
  position: absolute; top: calc(100% + 4px); right: 0; inline-size: max-content; max-inline-size: 320px;
  background: #fff; color: #1b1b1f; border: 1px solid #c9c9d1; border-radius: 8px; padding: 10px 12px;
  font: 13px/1.45 system-ui, "Segoe UI", "Noto Sans Arabic", sans-serif; box-shadow: 0 4px 16px rgba(0,0,0,.2);
}
.spot[data-side="start"] .panel { right: auto; left: 0; }
.spot[data-up] .panel { top: auto; bottom: calc(100% + 4px); }
.panel[hidden] { display: none; }
.panel ul { margin: 6px 0; padding-inline-start: 18px; }
.panel p { margin: 0 0 6px; }
.panel button { font: inherit; margin-inline-end: 6px; }
.panel .choices { display: flex; flex-direction: column; align-items: flex-start; gap: 4px; margin-top: 6px; }
.panel .choices[hidden] { display: none; }
.spot[data-scheme="dark"] .chip { background: #1f1f24; color: #ffcc66; }
.spot[data-scheme="dark"] .chip[data-verdict="undisclosed"] { color: #ff8a80; }
.spot[data-scheme="dark"] .chip[data-compact] { border-color: #1f1f24; background: currentColor; }
.spot[data-scheme="dark"] .panel { background: #1f1f24; color: #ececf1; border-color: #3a3a44; }
`;

/** One stylesheet shared by every mark's shadow root (constructable where supported). */
let shared: CSSStyleSheet | null | undefined;
function sharedSheet(): CSSStyleSheet | null {
  if (shared === undefined) {
    try {
      shared = new CSSStyleSheet();
      shared.replaceSync(STYLE);
    } catch {
      shared = null;
    }
  }
  return shared;
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A button (never a form's submit button), with its words, class and click. */
function button(
  doc: Document,
  text: string | undefined,
  className = '',
  onClick?: () => void,
): HTMLButtonElement {
  const b = el(doc, 'button', text);
  b.type = 'button';
  if (className) b.className = className;
  if (onClick) b.addEventListener('click', onClick);
  return b;
}

/** A button that shows and hides the box after it (the chip and its panel; "This is wrong" and its choices). */
function disclosure(
  doc: Document,
  className: string,
  boxClass: string,
  text?: string,
): [HTMLButtonElement, HTMLDivElement] {
  const toggle = button(doc, text, className);
  toggle.setAttribute('aria-expanded', 'false');
  const box = el(doc, 'div');
  box.className = boxClass;
  box.hidden = true;
  return [toggle, box];
}

/** What a chip must not cover: controls and media whole, text by its lines. */
const SOLID =
  'a,button,input,select,textarea,summary,label,video,audio,img,svg,canvas,picture,iframe,[role="button"],[role="link"],[role="menuitem"],[role="checkbox"],[tabindex]';
/** Nodes looked at per post: a long article is measured along its first screens only. */
const MAX_NODES = 800;

const boxOf = (r: DOMRect | DOMRectReadOnly): Box => ({
  left: r.left,
  top: r.top,
  width: r.width,
  height: r.height,
});

/**
 * The boxes of `post`'s text lines, media and controls (its own mark left out), and the lowest
 * edge measured when the post has more nodes than are looked at (Infinity when all were).
 */
function contentBoxes(post: Element, host: Element): { boxes: Box[]; below: number } {
  const doc = post.ownerDocument;
  const out: Box[] = [];
  const range = doc.createRange();
  const walker = doc.createTreeWalker(post, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      if (node === host) return NodeFilter.FILTER_REJECT;
      if (node.nodeType === Node.TEXT_NODE)
        return /\S/.test(node.nodeValue ?? '') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      return (node as Element).matches(SOLID) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  let n = 0;
  let node = walker.nextNode();
  for (; node && n < MAX_NODES; n++, node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      range.selectNodeContents(node);
      for (const r of range.getClientRects?.() ?? []) out.push(boxOf(r));
    } else {
      out.push(boxOf((node as Element).getBoundingClientRect()));
      // A control or a picture is covered whole: what is inside it needs no look.
      if (node.lastChild) walker.currentNode = deepestLast(node);
    }
  }
  const below = node ? Math.max(...out.map((b) => b.top + b.height), -Infinity) : Infinity;
  return { boxes: out, below };
}

/** The last node in document order inside `node`, so a walk resumes after its subtree. */
function deepestLast(node: Node): Node {
  let n = node;
  while (n.lastChild) n = n.lastChild;
  return n;
}

/** Elements that hold no children of their own (or replace them): a mark never goes inside one. */
const VOID =
  /^(?:img|br|hr|input|textarea|select|video|audio|canvas|iframe|object|embed|svg|picture|button|a)$/;

/**
 * The second place a mark can go: the end of the post's last child, when that child shows what
 * overflows it (a clipped child would clip the chip) and is not a control or a replaced element.
 * The post's own children then stay exactly as the page laid them out.
 */
function innerEnd(post: Element, view: Window | null): Element | null {
  let last = post.lastElementChild;
  while (last && isOwnMark(last)) last = last.previousElementSibling;
  if (!last || !view || VOID.test(last.localName)) return null;
  const style = view.getComputedStyle(last);
  if (style.display === 'contents' || style.display === 'none') return null;
  if (style.overflowX !== 'visible' || style.overflowY !== 'visible') return null;
  return last;
}

/** The element or shadow host above `el`. */
const parentOf = (el: Element): Element | null =>
  el.parentElement ?? ((el.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;

/**
 * How light a computed colour is (0 black, 1 white) and how opaque, from the forms browsers
 * compute colours to: rgb()/rgba(), color(srgb …), oklab()/oklch(). Null for any other form.
 */
export function lightness(color: string): { light: number; alpha: number } | null {
  const num = (v: string | undefined, scale = 1) =>
    v === undefined ? 1 : v.endsWith('%') ? Number.parseFloat(v) / 100 : Number(v) / scale;
  const parts = (s: string) => s.split(/[\s,/]+/).filter(Boolean);
  const fn = /^(rgba?|color|oklab|oklch)\((.*)\)$/.exec(color.trim());
  if (!fn) return null;
  const args = parts(fn[2]!);
  if (fn[1] === 'oklab' || fn[1] === 'oklch') {
    // OKLab's L is perceptual: 0.57 is about a mid grey's relative luminance of 0.18.
    return { light: num(args[0]) * (0.18 / 0.57), alpha: num(args[3]) };
  }
  const [r, g, b, a] = fn[1] === 'color' ? (args[0] === 'srgb' ? args.slice(1) : []) : args;
  if (r === undefined || g === undefined || b === undefined) return null;
  const scale = fn[1] === 'color' ? 1 : 255;
  const lin = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const [R, G, B] = [num(r, scale), num(g, scale), num(b, scale)].map(lin) as [number, number, number];
  return { light: 0.2126 * R + 0.7152 * G + 0.0722 * B, alpha: num(a) };
}

/** Dark or light, by the first opaque background behind the post (the page's, not the system's). */
export function schemeOf(post: Element): 'dark' | 'light' {
  const view = post.ownerDocument.defaultView;
  if (!view) return 'light';
  for (let el: Element | null = post; el; el = parentOf(el)) {
    const c = lightness(view.getComputedStyle(el).backgroundColor);
    if (c && c.alpha >= 0.5) return c.light < 0.18 ? 'dark' : 'light';
  }
  // No background anywhere: the canvas, dark only if the page asks for a dark scheme alone.
  const scheme = view.getComputedStyle(post.ownerDocument.documentElement).colorScheme ?? '';
  return /\bdark\b/.test(scheme) && !/\blight\b/.test(scheme) ? 'dark' : 'light';
}

/**
 * Marks placed again when their post changes size: one observer per document. Its callback runs
 * inside the page's rendering step, so it only notes the posts; they are measured in a task of
 * their own right after (the layout is clean then: nothing is laid out twice), every mark
 * measuring first and moving after.
 */
const placers = new WeakMap<Element, () => (() => void) | null>();
interface Placing {
  ro: ResizeObserver;
  /** Places `target`'s mark in the next placement task. */
  queue(target: Element): void;
}
const observers = new WeakMap<Document, Placing>();
function placing(doc: Document): Placing | null {
  const view = doc.defaultView;
  const RO = view?.ResizeObserver;
  if (!view || !RO) return null;
  let p = observers.get(doc);
  if (!p) {
    const due = new Set<Element>();
    const placeDue = () => {
      const targets = [...due];
      due.clear();
      const moves: (() => void)[] = [];
      for (const target of targets) {
        // A post the page dropped is let go (a virtualised feed never says so).
        if (!target.isConnected) {
          ro.unobserve(target);
          placers.delete(target);
          continue;
        }
        try {
          const move = placers.get(target)?.();
          if (move) moves.push(move);
        } catch {
          // One odd post never stops the others from being placed.
        }
      }
      for (const move of moves) {
        try {
          move();
        } catch {
          // As above.
        }
      }
    };
    const queue = (target: Element) => {
      if (due.size === 0) view.setTimeout(placeDue, 0);
      due.add(target);
    };
    const ro = new RO((entries) => {
      for (const e of entries) queue(e.target);
    });
    p = { ro, queue };
    observers.set(doc, p);
  }
  return p;
}

/** The one open panel: opening another, a click elsewhere or Escape anywhere in the page closes it. */
let openPanel: { close(): void } | null = null;

export interface MarkHandle {
  host: HTMLElement;
  update(finding: FindingWire): void;
  remove(): void;
}

/**
 * Marks `target` with a chip for `finding`; `dir` is the UI's direction (the chip's words),
 * `onDetails` opens the popup.
 */
export function createMark(
  target: Element,
  finding: FindingWire,
  strings: MarkStrings,
  dir: 'ltr' | 'rtl',
  onDetails: (finding: FindingWire) => void,
  onCorrect?: (finding: FindingWire, correction: Correction) => void,
  before?: { width: number; height: number },
): MarkHandle {
  const doc = target.ownerDocument;
  const host = doc.createElement(MARK_TAG);
  OWN_HOSTS.add(host);
  for (const [k, v] of Object.entries(HOST_STYLE)) host.style.setProperty(k, v, 'important');
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = sharedSheet();
  try {
    if (!sheet) throw new Error('no constructable stylesheets');
    root.adoptedStyleSheets = [sheet];
  } catch {
    shared = null; // e.g. a realm that can't adopt it: fall back to a <style> per mark
    root.append(el(doc, 'style', STYLE));
  }
  const spot = el(doc, 'div');
  spot.className = 'spot';
  spot.dir = dir;
  const [chip, panel] = disclosure(doc, 'chip', 'panel');
  panel.setAttribute('role', 'dialog');
  spot.append(chip, panel);
  root.append(spot);

  /** The chip's size with its words (measured while not compact; words change on update). */
  let size: { width: number; height: number } | null = null;
  /** Measures the post and returns the move to make, or null if there is nothing to measure. */
  const measure = (): (() => void) | null => {
    if (!host.isConnected) return null;
    const post = target.getBoundingClientRect();
    if (post.width === 0 && post.height === 0) return null;
    const origin = host.getBoundingClientRect();
    const view = doc.defaultView;
    const rtl = view?.getComputedStyle(target).direction === 'rtl';
    const scheme = schemeOf(target);
    if (!size && !chip.hasAttribute('data-compact'))
      size = { width: chip.offsetWidth, height: chip.offsetHeight };
    const natural = size ?? { width: 72, height: 18 };
    // The post changed size when the mark joined it (a ":last-child" or sibling rule of the
    // page's): the mark tries the next place that leaves the post's own children as they were.
    const grew =
      drawnAt !== null &&
      (Math.abs(post.width - drawnAt.width) > 0.5 || Math.abs(post.height - drawnAt.height) > 0.5);
    if (grew && tried < 2) {
      tried++;
      const inner = tried === 1 ? innerEnd(target, view) : null;
      if (inner) return () => inner.append(host);
      tried = 2;
      return () => target.prepend(host);
    }
    const { boxes, below } = contentBoxes(target, host);
    const at = placeChip(boxOf(post), natural, boxes, rtl, below);
    const up = at.top + natural.height / 2 > post.top + post.height / 2;
    return () => {
      spot.dataset.scheme = scheme;
      spot.dataset.side = rtl ? 'start' : 'end';
      spot.toggleAttribute('data-up', up);
      chip.toggleAttribute('data-compact', at.compact);
      spot.dataset.placed = '';
      spot.style.transform = `translate(${Math.round(at.left - origin.left)}px, ${Math.round(at.top - origin.top)}px)`;
    };
  };
  placers.set(target, measure);
  /** The post's size before the mark joined it (null: not known), and the places tried after the first. */
  const drawnAt: { width: number; height: number } | null = before ?? null;
  let tried = 0;

  let current = finding;
  const render = () => {
    chip.textContent = strings.verdict(current.verdict);
    chip.dataset.verdict = current.verdict;
    chip.setAttribute('aria-label', strings.label(current));
    const why = el(doc, 'p', strings.why(current));
    const list = el(doc, 'ul');
    for (const line of strings.lines(current)) list.append(el(doc, 'li', line));
    const details = button(doc, strings.details, '', () => onDetails(current));
    const close = button(doc, strings.close, '', () => {
      toggle(false);
      chip.focus();
    });
    const parts: HTMLElement[] = [why, list, details];
    if (onCorrect) {
      // "This is wrong" opens its choices; each one tells the background, which hides the post.
      const [wrong, choices] = disclosure(doc, 'wrong', 'choices', strings.wrong);
      for (const { correction, label } of strings.choices(current)) {
        const b = button(doc, label, '', () => {
          // Once: a double click is one correction, not two noisy reports.
          for (const other of choices.querySelectorAll('button')) other.disabled = true;
          onCorrect(current, correction);
        });
        b.dataset.correction = correction;
        choices.append(b);
      }
      wrong.addEventListener('click', () => {
        choices.hidden = !choices.hidden;
        wrong.setAttribute('aria-expanded', String(!choices.hidden));
      });
      parts.push(wrong, close, choices);
    } else parts.push(close);
    panel.replaceChildren(...parts);
  };
  // Page-wide listeners live only while this panel is open.
  let whileOpen: AbortController | null = null;
  const self = { close: () => toggle(false) };
  const toggle = (open = panel.hidden) => {
    if (open === !panel.hidden) return;
    panel.hidden = !open;
    chip.setAttribute('aria-expanded', String(open));
    if (open) {
      if (openPanel !== self) openPanel?.close();
      openPanel = self;
      whileOpen = new AbortController();
      const { signal } = whileOpen;
      doc.addEventListener(
        'keydown',
        (e) => {
          if (e.key !== 'Escape') return;
          toggle(false);
          chip.focus();
        },
        { signal, capture: true },
      );
      // A click outside this mark (its host) closes the panel.
      doc.addEventListener('click', (e) => e.composedPath().includes(host) || toggle(false), {
        signal,
        capture: true,
      });
    } else {
      whileOpen?.abort();
      whileOpen = null;
      if (openPanel === self) openPanel = null;
    }
  };
  chip.addEventListener('click', (e) => {
    e.stopPropagation();
    e.preventDefault();
    toggle();
  });
  panel.addEventListener('click', (e) => e.stopPropagation());
  render();
  target.append(host);
  // Placed once the page is next laid out (a resize observer's first call), with every mark
  // drawn meanwhile; without one, at once.
  const place = placing(doc);
  if (place) place.ro.observe(target);
  else measure()?.();
  return {
    host,
    update(next) {
      // The same finding again (any settings change re-sends them all): an open panel, its
      // "This is wrong" choices and its focus stay as they are.
      if (JSON.stringify(next) === JSON.stringify(current)) return;
      const words = strings.verdict(next.verdict) !== chip.textContent;
      current = next;
      render();
      if (words) {
        size = null;
        chip.removeAttribute('data-compact');
        if (place) place.queue(target);
        else measure()?.();
      }
    },
    remove() {
      toggle(false);
      if (placers.get(target) === measure) {
        place?.ro.unobserve(target);
        placers.delete(target);
      }
      host.remove();
    },
  };
}
