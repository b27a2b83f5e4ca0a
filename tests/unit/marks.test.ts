// @vitest-environment happy-dom
/**
 * In-page marks: the panel lists exactly the popup's lines for the finding, and one panel is open
 * at a time; a click elsewhere or Escape anywhere closes it and gives focus back to its chip.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cueLines, why } from '@/utils/explain';
import { setMessages, t } from '@/utils/i18n';
import { createMark, type MarkHandle, type MarkStrings } from '@/utils/marks';
import { finding, MESSAGES, SPONSORED } from '../components/fixtures';

const strings: MarkStrings = {
  verdict: (v) => t(`verdict_${v}`),
  why: (f) => why(f, t),
  lines: (f) => cueLines(f, t),
  details: 'Details',
  close: 'Close',
  label: (f) => `Basira: ${f.verdict}`,
};

// Closed shadow roots are closed to tests too: keep a reference to each root as it is made.
const roots = new Map<Element, ShadowRoot>();
const attach = Element.prototype.attachShadow;
beforeEach(() => {
  setMessages('en', MESSAGES.en);
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  };
});
afterEach(() => {
  Element.prototype.attachShadow = attach;
  setMessages('', null);
  document.body.replaceChildren();
});

function post(id: string): HTMLElement {
  const el = document.createElement('article');
  el.id = id;
  el.textContent = `post ${id}`;
  document.body.append(el);
  return el;
}
const parts = (m: MarkHandle) => {
  const root = roots.get(m.host)!;
  return {
    chip: root.querySelector('.chip') as HTMLButtonElement,
    panel: root.querySelector('.panel') as HTMLElement,
    lines: [...root.querySelectorAll('.panel li')].map((li) => li.textContent),
  };
};

describe('marks', () => {
  test("the panel's lines are the popup's lines for the finding", () => {
    for (const f of [SPONSORED, finding()]) {
      const m = createMark(post(f.id), f, strings, 'ltr', () => undefined);
      expect(parts(m).lines).toEqual(cueLines(f, t));
      expect(parts(m).lines.length).toBeGreaterThan(0);
    }
  });

  test('one panel at a time; a click elsewhere or Escape anywhere closes it, focus back on its chip', () => {
    const a = createMark(post('a'), SPONSORED, strings, 'ltr', () => undefined);
    const b = createMark(post('b'), finding(), strings, 'ltr', () => undefined);
    parts(a).chip.click();
    expect(parts(a).panel.hidden).toBe(false);
    parts(b).chip.click();
    expect([parts(a).panel.hidden, parts(b).panel.hidden]).toEqual([true, false]);
    document.body.click();
    expect(parts(b).panel.hidden).toBe(true);
    parts(a).chip.click();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(parts(a).panel.hidden).toBe(true);
    expect(roots.get(a.host)!.activeElement).toBe(parts(a).chip);
  });
});
