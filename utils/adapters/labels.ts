/** Helpers adapters share for finding native labels by structure and by short localized text. */
import { textOf } from '../dom/text';

/** Short leaf texts (≤ max chars) under `root`, outside `skip`: candidates for a native label. */
export function shortTexts(root: Element, skip: (el: Element) => boolean, max = 40, limit = 12): string[] {
  const out: string[] = [];
  const walk = (el: Element) => {
    if (out.length >= limit || skip(el)) return;
    if (el.children.length === 0 || (el.tagName === 'SPAN' && el.querySelectorAll('*').length <= 3)) {
      const t = (el.getAttribute('aria-label') ?? '').trim() || textOf(el).trim();
      if (t && t.length <= max && !/^\d+$/.test(t)) out.push(t);
      if (el.children.length === 0) return;
    }
    for (const c of el.children) walk(c);
  };
  walk(root);
  return [...new Set(out)];
}
