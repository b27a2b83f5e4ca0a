// @vitest-environment happy-dom
/**
 * In-page marks: the panel lists exactly the popup's lines for the finding, and one panel is open
 * at a time; a click elsewhere or Escape anywhere closes it and gives focus back to its chip.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cueLines, why } from '@/utils/explain';
import { correctionChoices } from '@/utils/feedback-match';
import { setMessages, t } from '@/utils/i18n';
import { createMark, lightness, type MarkHandle, type MarkStrings, schemeOf } from '@/utils/marks';
import { finding, MESSAGES, SPONSORED } from '../components/fixtures';

const strings: MarkStrings = {
  verdict: (v) => t(`verdict_${v}`),
  why: (f) => why(f, t),
  lines: (f) => cueLines(f, t),
  details: 'Details',
  close: 'Close',
  label: (f) => `Basira: ${f.verdict}`,
  wrong: 'This is wrong',
  choices: (f) => correctionChoices(f, t),
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

  test('"This is wrong" in the panel offers the corrections and reports the chosen one', () => {
    const chosen: string[] = [];
    const f = finding({ author: '@maya', products: ['Jasper'] });
    const m = createMark(
      post('w'),
      f,
      strings,
      'ltr',
      () => undefined,
      (g, c) => chosen.push(`${g.id}:${c}`),
    );
    const root = roots.get(m.host)!;
    const wrong = root.querySelector<HTMLButtonElement>('.wrong')!;
    const choices = root.querySelector<HTMLElement>('.choices')!;
    expect(choices.hidden).toBe(true);
    wrong.click();
    expect([choices.hidden, wrong.getAttribute('aria-expanded')]).toEqual([false, 'true']);
    const buttons = [...choices.querySelectorAll<HTMLButtonElement>('button')];
    expect(buttons.map((b) => b.dataset.correction)).toEqual(['hide', 'mute', 'noisy']);
    buttons[1]!.click();
    expect(chosen).toEqual([`${f.id}:mute`]);
  });

  test('the same finding again leaves an open panel and its choices as they are; a changed one redraws it', () => {
    const f = finding({ author: '@maya', products: ['Jasper'] });
    const m = createMark(
      post('u'),
      f,
      strings,
      'ltr',
      () => undefined,
      () => undefined,
    );
    const root = roots.get(m.host)!;
    root.querySelector<HTMLButtonElement>('.chip')!.click();
    const wrong = root.querySelector<HTMLButtonElement>('.wrong')!;
    wrong.click();
    m.update({ ...f });
    expect(root.querySelector('.wrong')).toBe(wrong);
    expect(root.querySelector<HTMLElement>('.choices')!.hidden).toBe(false);
    m.update({ ...f, verdict: 'sponsored' });
    expect(root.querySelector('.wrong')).not.toBe(wrong);
  });

  test("the mark is the post's last child, out of the flow, whatever the page's CSS says of the tag", () => {
    const p = post('c');
    const m = createMark(p, SPONSORED, strings, 'ltr', () => undefined);
    expect(p.lastElementChild).toBe(m.host);
    for (const [k, v] of [
      ['position', 'absolute'],
      ['width', '0px'],
      ['height', '0px'],
    ] as const)
      expect([k, m.host.style.getPropertyValue(k), m.host.style.getPropertyPriority(k)]).toEqual([
        k,
        v,
        'important',
      ]);
    m.remove();
    expect(p.querySelector('basira-mark')).toBeNull();
  });
});

describe("the page's colour scheme", () => {
  test('lightness of computed colours, in every form browsers compute them to', () => {
    expect(lightness('rgb(255, 255, 255)')).toEqual({ light: 1, alpha: 1 });
    expect(lightness('rgb(0, 0, 0)')).toEqual({ light: 0, alpha: 1 });
    expect(lightness('rgba(0, 0, 0, 0)')?.alpha).toBe(0);
    expect(lightness('rgb(21, 32, 43)')!.light).toBeLessThan(0.18); // X's dim theme
    expect(lightness('rgb(240, 242, 245)')!.light).toBeGreaterThan(0.8); // Facebook's feed grey
    expect(lightness('color(srgb 0.1 0.1 0.1 / 0.9)')).toMatchObject({ alpha: 0.9 });
    expect(lightness('color(srgb 0.1 0.1 0.1)')!.light).toBeLessThan(0.18);
    expect(lightness('oklch(0.21 0.034 264.665)')!.light).toBeLessThan(0.18); // Tailwind 4's gray-900
    expect(lightness('oklch(98.5% 0 0)')!.light).toBeGreaterThan(0.18);
    expect(lightness('transparent')).toBeNull();
  });

  test('dark or light by the first opaque background behind the post, not the system', () => {
    const dark = document.createElement('div');
    dark.style.backgroundColor = 'rgb(21, 32, 43)';
    const see = document.createElement('div');
    see.style.backgroundColor = 'rgba(255, 255, 255, 0.1)';
    dark.append(see);
    document.body.append(dark);
    const p = document.createElement('article');
    see.append(p);
    expect(schemeOf(p)).toBe('dark');
    dark.style.backgroundColor = 'rgb(255, 255, 255)';
    expect(schemeOf(p)).toBe('light');
  });
});
