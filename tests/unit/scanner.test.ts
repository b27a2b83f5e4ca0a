// @vitest-environment happy-dom
/**
 * The content script's scan loop on a DOM: items found at start and as the page changes, in the
 * document and inside open shadow roots, each reported once per text.
 */
import { describe, expect, test } from 'vitest';
import { adapterFor } from '@/utils/adapters/registry';
import { MAX_BATCH_ITEMS } from '@/utils/dom/limits';
import { analyzeItem } from '@/utils/engine/analyze';
import { bundledRules } from '@/utils/engine/rules/bundled';
import { FLAGGED } from '@/utils/engine/types';
import { toWire } from '@/utils/findings';
import type { FindingWire, ItemWire } from '@/utils/protocol';
import { newShadowRoots, Scanner, shadowRootSweep } from '@/utils/scanner';

const PROMO = 'This AI writing tool changed my life! Use my code SAVE20 at jasper.ai for 20% off';
const PLAIN = 'We walked to the market and bought bread, cheese and figs for the weekend.';

/**
 * A scanner over `document` with synchronous idle slices and timers it runs on demand, and an
 * engine that answers batches as the background does (flagged findings back, all kept).
 */
function harness(url = 'https://news.example.org/2025/post', now: () => number = () => performance.now()) {
  const findings = new Map<string, FindingWire>();
  const observed: ShadowRoot[] = [];
  const tasks: (() => void)[] = [];
  const batches: ItemWire[][] = [];
  const doneFlags: boolean[] = [];
  const drawn = new Map<Element, FindingWire | null>();
  let inFlight = 0;
  let mostInFlight = 0;
  let done = false;
  let answer: ((items: ItemWire[]) => FindingWire[] | null) | null = null;
  const scanner = new Scanner(adapterFor(new URL(url)), new URL(url), {
    idle: (cb) => tasks.push(() => cb({ timeRemaining: () => 50 })),
    timeout: (cb) => tasks.push(cb),
    now,
    observe: (root) => observed.push(root),
    onFinding: (el, f) => drawn.set(el, f),
    submit: async (items, last) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      await Promise.resolve();
      inFlight--;
      batches.push(items);
      doneFlags.push(last);
      if (answer) return answer(items);
      const wires = items.map((item) => toWire(analyzeItem(item, bundledRules()), item, item.order));
      for (const f of wires) findings.set(f.id, f);
      done = last;
      return wires.filter((f) => FLAGGED.has(f.verdict));
    },
  });
  /** Runs every task, and the answers they wait for, until nothing is left to do. */
  const drain = async () => {
    for (let i = 0; i < 5000; i++) {
      if (tasks.length === 0) {
        await new Promise((r) => setTimeout(r, 0));
        if (tasks.length === 0) return;
      }
      tasks.shift()!();
      await Promise.resolve();
    }
  };
  const flagged = () =>
    [...findings.values()]
      .filter((f) => f.verdict !== 'none' && f.verdict !== 'mention')
      .map((f) => f.excerpt);
  const step = () => tasks.shift()?.();
  return {
    scanner,
    findings,
    observed,
    batches,
    doneFlags,
    drawn,
    drain,
    step,
    flagged,
    isDone: () => done,
    mostInFlight: () => mostInFlight,
    answerWith: (fn: typeof answer) => {
      answer = fn;
    },
  };
}

const article = (text: string) => `<article><p>${text}</p></article>`;

describe('Scanner', () => {
  test('reads every item at start and reports done', async () => {
    document.body.innerHTML = `<main>${article(PROMO)}${article(PLAIN)}</main>`;
    const h = harness();
    h.scanner.start(document);
    await h.drain();
    expect(h.findings.size).toBe(2);
    expect(h.flagged()).toHaveLength(1);
    expect(h.isDone()).toBe(true);
  });

  test('finds posts an app shell renders inside open shadow roots, nested ones too, and watches them', async () => {
    document.body.innerHTML = '<app-shell></app-shell>';
    const shell = document.querySelector('app-shell')!.attachShadow({ mode: 'open' });
    shell.innerHTML = `<main>${article(PROMO)}${article(PLAIN)}</main><side-panel></side-panel>`;
    const panel = shell.querySelector('side-panel')!.attachShadow({ mode: 'open' });
    panel.innerHTML = article(`${PROMO} (again)`);
    const h = harness();
    h.scanner.start(document);
    await h.drain();
    expect(h.findings.size).toBe(3);
    expect(h.flagged()).toHaveLength(2);
    expect(h.observed).toEqual([shell, panel]);
  });

  test('a component added later brings its shadow root along; each root is watched once', async () => {
    document.body.innerHTML = article(PLAIN);
    const h = harness();
    h.scanner.start(document);
    await h.drain();
    const widget = document.createElement('promo-widget');
    widget.attachShadow({ mode: 'open' }).innerHTML = article(PROMO);
    document.body.append(widget);
    const record = {
      type: 'childList',
      target: document.body,
      addedNodes: [widget],
    } as unknown as MutationRecord;
    h.scanner.onMutations([record]);
    h.scanner.onMutations([record]);
    await h.drain();
    expect(h.flagged()).toHaveLength(1);
    expect(h.observed).toEqual([widget.shadowRoot]);
  });

  test('on a page with items of its own, shadow roots are searched afterwards, in slices', async () => {
    document.body.innerHTML = `${article(PLAIN)}${'<div><span>x</span></div>'.repeat(3000)}<late-widget></late-widget>`;
    const widget = document.querySelector('late-widget')!.attachShadow({ mode: 'open' });
    widget.innerHTML = article(PROMO);
    // A clock that moves 4 ms per reading: an 8 ms slice reads a couple of sweep steps.
    let clock = 0;
    const h = harness(undefined, () => (clock += 4));
    h.scanner.start(document);
    expect(h.observed).toEqual([]);
    let slices = 0;
    while (h.observed.length === 0 && slices < 10_000) {
      h.step();
      slices++;
    }
    expect(slices).toBeGreaterThan(3);
    expect(h.isDone()).toBe(false);
    await h.drain();
    expect(h.observed).toEqual([widget]);
    expect(h.flagged()).toHaveLength(1);
    expect(h.isDone()).toBe(true);
  });

  test('a page with no items of its own: the whole-page item reads shadow text once, not twice', async () => {
    document.body.innerHTML = '<p>Notes from the week.</p><x-app></x-app>';
    document
      .querySelector('x-app')!
      .attachShadow({ mode: 'open' }).innerHTML = `<main><p>${PROMO}</p></main>`;
    const h = harness();
    h.scanner.start(document);
    await h.drain();
    expect([...h.findings.keys()].map((id) => id.split('-')[1])).toEqual(['body']);
    expect(h.flagged()).toHaveLength(1);
  });

  test('items go to the engine in batches, two at most in flight, each item once per text', async () => {
    document.body.innerHTML = `<main>${Array.from({ length: 250 }, (_, i) => article(i % 5 ? `${PLAIN} ${i}` : `${PROMO} ${i}`)).join('')}</main>`;
    const h = harness();
    h.scanner.start(document);
    await h.drain();
    expect(h.findings.size).toBe(250);
    expect(h.batches.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...h.batches.map((b) => b.length))).toBeLessThanOrEqual(MAX_BATCH_ITEMS);
    expect(h.mostInFlight()).toBeLessThanOrEqual(2);
    // Page order travels with each item.
    expect(h.batches.flat().map((i) => i.order)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    // Marks: a finding for the 50 flagged posts, null for the rest.
    const drawn = [...h.drawn.values()];
    expect(drawn.filter(Boolean)).toHaveLength(50);
    expect(drawn.filter((f) => f === null)).toHaveLength(200);
    expect(h.isDone()).toBe(true);
    // Only the last batch says the scan is done.
    expect(h.doneFlags.slice(0, -1)).not.toContain(true);
    // The same text again (a re-render) is not sent again; changed text is, and its mark goes.
    const sent = h.batches.length;
    const first = document.querySelector('article')!;
    const textChanged = () =>
      h.scanner.onMutations([
        {
          type: 'characterData',
          target: first.firstChild!.firstChild!,
          addedNodes: [],
        } as unknown as MutationRecord,
      ]);
    textChanged();
    await h.drain();
    expect(h.batches.length).toBe(sent);
    first.querySelector('p')!.textContent = PLAIN;
    textChanged();
    await h.drain();
    expect(h.batches.at(-1)!.map((i) => i.text)).toEqual([PLAIN]);
    expect(h.drawn.get(first)).toBeNull();
  });

  test('a batch the background never takes stops the scan instead of losing count silently', async () => {
    document.body.innerHTML = `<main>${Array.from({ length: 150 }, (_, i) => article(`${PROMO} ${i}`)).join('')}</main>`;
    const h = harness();
    h.answerWith(() => null);
    h.scanner.start(document);
    await h.drain();
    expect(h.batches.length).toBeLessThanOrEqual(2);
    expect(h.drawn.size).toBe(0);
  });

  test('an item longer than the wire carries is cut, and a long id is hashed, as the CLI does', async () => {
    document.body.innerHTML = `<article><p>${PROMO} ${'word '.repeat(6000)}</p></article>`;
    const h = harness();
    h.scanner.start(document);
    await h.drain();
    const [item] = h.batches.flat();
    expect(item!.text.length).toBeLessThanOrEqual(20_000);
    expect(h.flagged()).toHaveLength(1);
  });

  test('closed shadow roots stay closed', async () => {
    document.body.innerHTML = '<app-shell></app-shell>';
    document.querySelector('app-shell')!.attachShadow({ mode: 'closed' }).innerHTML = article(PROMO);
    const h = harness();
    h.scanner.start(document);
    await h.drain();
    expect(h.flagged()).toEqual([]);
  });
});

describe('shadowRootSweep', () => {
  test('finds the roots after a node the page removed while the sweep was paused', async () => {
    document.body.innerHTML = `${Array.from({ length: 1200 }, (_, i) => `<div id="d${i}"></div>`).join('')}<x-late></x-late>`;
    const late = document.querySelector('x-late')!.attachShadow({ mode: 'open' });
    const sweep = shadowRootSweep(document, new WeakSet());
    const roots: ShadowRoot[] = [];
    let pauses = 0;
    for (let step = sweep.next(); !step.done; step = sweep.next()) {
      if (step.value) roots.push(step.value);
      // At each pause, the page removes elements around where the sweep stands.
      else if (++pauses <= 2) {
        for (let i = 480; i < 1020; i++) document.getElementById(`d${i}`)?.remove();
      }
    }
    expect(roots).toEqual([late]);
  });
});

describe('newShadowRoots', () => {
  test('stops at its limit and never returns a root twice', async () => {
    document.body.innerHTML = '<x-a></x-a><x-b></x-b><x-c></x-c>';
    for (const el of document.body.children) el.attachShadow({ mode: 'open' });
    const seen = new WeakSet<ShadowRoot>();
    expect(newShadowRoots(document, seen, 2)).toHaveLength(2);
    expect(newShadowRoots(document, seen)).toHaveLength(1);
    expect(newShadowRoots(document, seen)).toHaveLength(0);
  });
});
