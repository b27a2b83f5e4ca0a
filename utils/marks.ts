/**
 * In-page marks: a small chip on each flagged post, in a closed Shadow DOM so the page's CSS
 * can't reach it and page scripts can't read it. The host is a zero-height block at the top of
 * the post, so the page's layout does not move; the chip floats in the post's top corner.
 * Everything shown is set with textContent: page text is never parsed as HTML.
 */
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
}

const STYLE = `
:host { all: initial; }
.wrap { position: relative; height: 0; z-index: 2147483000; }
.chip {
  position: absolute; inset-block-start: 4px; inset-inline-end: 4px;
  font: 600 11px/1.4 system-ui, "Segoe UI", "Noto Sans Arabic", sans-serif;
  padding: 1px 8px; border-radius: 999px; border: 1px solid currentColor; cursor: pointer;
  background: #fff; color: #8a5a00; box-shadow: 0 1px 3px rgba(0,0,0,.2);
}
.chip[data-verdict="undisclosed"] { color: #b3261e; }
.chip:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.panel {
  position: absolute; inset-block-start: 28px; inset-inline-end: 4px; max-inline-size: 320px;
  background: #fff; color: #1b1b1f; border: 1px solid #c9c9d1; border-radius: 8px; padding: 10px 12px;
  font: 13px/1.45 system-ui, "Segoe UI", "Noto Sans Arabic", sans-serif; box-shadow: 0 4px 16px rgba(0,0,0,.2);
}
.panel[hidden] { display: none; }
.panel ul { margin: 6px 0; padding-inline-start: 18px; }
.panel p { margin: 0 0 6px; }
.panel button { font: inherit; margin-inline-end: 6px; }
@media (prefers-color-scheme: dark) {
  .chip { background: #1f1f24; color: #ffcc66; }
  .chip[data-verdict="undisclosed"] { color: #ff8a80; }
  .panel { background: #1f1f24; color: #ececf1; border-color: #3a3a44; }
}
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

/** The one open panel: opening another, a click elsewhere or Escape anywhere in the page closes it. */
let openPanel: { close(): void } | null = null;

export interface MarkHandle {
  host: HTMLElement;
  update(finding: FindingWire): void;
  remove(): void;
}

/** Marks `target` with a chip for `finding`; `onDetails` opens the popup (or returns false). */
export function createMark(
  target: Element,
  finding: FindingWire,
  strings: MarkStrings,
  dir: 'ltr' | 'rtl',
  onDetails: (finding: FindingWire) => void,
): MarkHandle {
  const doc = target.ownerDocument;
  const host = doc.createElement(MARK_TAG);
  OWN_HOSTS.add(host);
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = sharedSheet();
  try {
    if (!sheet) throw new Error('no constructable stylesheets');
    root.adoptedStyleSheets = [sheet];
  } catch {
    shared = null; // e.g. a realm that can't adopt it: fall back to a <style> per mark
    root.append(el(doc, 'style', STYLE));
  }
  const wrap = el(doc, 'div');
  wrap.className = 'wrap';
  wrap.dir = dir;
  const chip = el(doc, 'button');
  chip.className = 'chip';
  chip.type = 'button';
  chip.setAttribute('aria-expanded', 'false');
  const panel = el(doc, 'div');
  panel.className = 'panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  wrap.append(chip, panel);
  root.append(wrap);

  let current = finding;
  const render = () => {
    chip.textContent = strings.verdict(current.verdict);
    chip.dataset.verdict = current.verdict;
    chip.setAttribute('aria-label', strings.label(current));
    const why = el(doc, 'p', strings.why(current));
    const list = el(doc, 'ul');
    for (const line of strings.lines(current)) list.append(el(doc, 'li', line));
    const details = el(doc, 'button', strings.details);
    details.type = 'button';
    details.addEventListener('click', () => onDetails(current));
    const close = el(doc, 'button', strings.close);
    close.type = 'button';
    close.addEventListener('click', () => {
      toggle(false);
      chip.focus();
    });
    panel.replaceChildren(why, list, details, close);
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
  target.prepend(host);
  return {
    host,
    update(next) {
      current = next;
      render();
    },
    remove() {
      toggle(false);
      host.remove();
    },
  };
}
