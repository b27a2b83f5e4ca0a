/**
 * The content script's engine loop: find items, analyze them in idle-time chunks (no task over
 * ~8 ms of Basira work), watch for new and changed items in batches, and report findings.
 * Each item is analyzed once per text: results are cached by the adapter's id.
 */
import type { Adapter } from './adapters/adapter';
import { fallbackItems } from './adapters/registry';
import { hashId } from './dom/text';
import { isShown } from './engine/cues/kinds';
import { type Finding, FLAGGED, type ItemInput } from './engine/types';
import type { FindingWire } from './protocol';

/** Longest slice of work per idle callback. */
export const CHUNK_BUDGET_MS = 8;
/** The protocol's longest item id. */
const MAX_ID = 200;
const REPORT_INTERVAL_MS = 150;
/** Most open shadow roots one page is searched in (an app shell has a handful; a page of widgets, hundreds). */
const MAX_SHADOW_ROOTS = 2_000;

/** Elements a shadow-root sweep reads between checks of its time budget. */
const SWEEP_STEP = 500;
/** Times a sweep starts a tree again after the page removed the node it had reached. */
const MAX_SWEEP_RESTARTS = 8;

/**
 * Open shadow roots hosted by `node` or anything under it, nested ones included, that are not
 * in `seen` yet (they are added to it). Selectors and mutation observers stop at a shadow
 * boundary, so posts an app shell renders inside one are found only through these. Yields each
 * root as found, and `null` every SWEEP_STEP elements so a caller can pause between slices.
 */
export function* shadowRootSweep(
  node: ParentNode,
  seen: WeakSet<ShadowRoot>,
  limit = MAX_SHADOW_ROOTS,
): Generator<ShadowRoot | null, void> {
  const start = node as unknown as Node;
  const doc = start.ownerDocument ?? (start as Document);
  // Tree walkers read each element once, with no list of them all (measured: half the time of
  // querySelectorAll('*') on 100,000 elements).
  const walkers: TreeWalker[] = [];
  let found = 0;
  let read = 0;
  const enter = (el: Node): ShadowRoot | null => {
    const root = (el as Element).shadowRoot;
    if (!root || seen.has(root) || found >= limit) return null;
    seen.add(root);
    found++;
    walkers.push(doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */));
    return root;
  };
  walkers.push(doc.createTreeWalker(start, 1));
  if (start.nodeType === 1) {
    const root = enter(start);
    if (root) yield root;
  }
  let restarts = 0;
  while (walkers.length > 0 && found < limit) {
    const walker = walkers[walkers.length - 1]!;
    // Between slices the page may remove the node a walker stands on; from a detached node the
    // walker would end early and miss every root after it. Walk that tree again from its start
    // (`seen` skips the roots already found), a few times at most on a page that keeps changing;
    // roots added later arrive through the mutation observer anyway.
    if (!walker.root.contains(walker.currentNode)) {
      if (++restarts > MAX_SWEEP_RESTARTS) return;
      walker.currentNode = walker.root;
    }
    const el = walker.nextNode();
    if (!el) {
      walkers.pop();
      continue;
    }
    const root = enter(el);
    if (root) yield root;
    if (++read % SWEEP_STEP === 0) yield null;
  }
}

/** Every new open shadow root under `node`, at once. */
export function newShadowRoots(
  node: ParentNode,
  seen: WeakSet<ShadowRoot>,
  limit = MAX_SHADOW_ROOTS,
): ShadowRoot[] {
  return [...shadowRootSweep(node, seen, limit)].filter((r): r is ShadowRoot => r !== null);
}

export interface ScannerHost {
  /** Runs `cb` when the page is idle (bound to the content script's lifetime). */
  idle(cb: (deadline: { timeRemaining(): number }) => void): void;
  timeout(cb: () => void, ms: number): void;
  /** Reports findings scanned since the last call. */
  report(findings: FindingWire[], done: boolean): void;
  /** Called with every analyzed item and its element (marks). */
  onFinding?(el: Element, finding: FindingWire): void;
  /** The engine with the person's rules and settings applied. */
  analyze(input: ItemInput): Finding;
  now(): number;
  /** Watches an open shadow root for mutations, as the document is watched. */
  observe?(root: ShadowRoot): void;
}

/** Characters of original text the popup gets for each finding, around its first cue. */
const SNIPPET = 420;

export function snippetOf(f: Finding, text: string): { snippet: string; snippetStart: number } {
  const firstCue = f.cues.find((c) => c.start !== undefined && isShown(c.kind));
  const start =
    firstCue?.start !== undefined && firstCue.start > SNIPPET - 120 ? Math.max(0, firstCue.start - 100) : 0;
  return { snippet: text.slice(start, start + SNIPPET), snippetStart: start };
}

export function toWire(f: Finding, input: ItemInput, order: number): FindingWire {
  return {
    ...snippetOf(f, input.text),
    id: f.id,
    verdict: f.verdict,
    topic: f.topic,
    confidence: f.confidence,
    cues: f.cues.slice(0, 60).map((c) => ({
      kind: c.kind,
      rule: c.rule,
      text: c.text.slice(0, 600),
      lang: c.lang,
      ...(c.start !== undefined ? { start: c.start, end: c.end } : {}),
      sources: c.sources.slice(0, 20),
      ...(c.detail ? { detail: c.detail.slice(0, 300) } : {}),
    })),
    concerns: f.concerns,
    excerpt: f.excerpt.slice(0, 600),
    products: f.products.slice(0, 20),
    platform: input.platform,
    author: input.author?.slice(0, 200) ?? null,
    order,
  };
}

export class Scanner {
  private queue: Element[] = [];
  private queued = new WeakSet<Element>();
  /** id → hash of the text last analyzed. */
  private analyzed = new Map<string, string>();
  private pending: FindingWire[] = [];
  private scheduled = false;
  private reportTimer = false;
  private order = 0;
  /** Page order by item id, kept when an item is rescanned. */
  private orders = new Map<string, number>();
  private stopped = false;
  /** The last finding of each flagged item, to mark a re-rendered copy without rescanning. */
  private flaggedWire = new Map<string, FindingWire>();
  /** Item elements by id, for "show on page". */
  readonly elements = new Map<string, Element>();

  constructor(
    private readonly adapter: Adapter,
    private readonly url: URL,
    private readonly host: ScannerHost,
  ) {}

  /** Open shadow roots already searched and watched. */
  private shadowRoots = new WeakSet<ShadowRoot>();
  /** The start's search of the document for open shadow roots, continued in idle slices. */
  private sweep: Iterator<ShadowRoot | null> | null = null;

  /** Watches an open shadow root and queues its items. */
  private adopt(root: ShadowRoot): void {
    this.host.observe?.(root);
    for (const el of root.querySelectorAll(this.adapter.itemSelector)) this.enqueue(el);
  }

  /** Queues every item currently in the document, open shadow roots included. */
  start(root: ParentNode): void {
    const els = [...root.querySelectorAll(this.adapter.itemSelector)];
    if (els.length > 0) {
      for (const el of els) this.enqueue(el);
      // Items in the document: shadow roots are searched in idle slices, after them.
      this.sweep = shadowRootSweep(root, this.shadowRoots);
      this.schedule();
      return;
    }
    // None in the document: an app shell may hold them in shadow roots (the document is then
    // small, so it is searched at once), else an ordinary page or changed markup: fall back to
    // generic scanning.
    const shadows = newShadowRoots(root, this.shadowRoots);
    for (const shadow of shadows) this.adopt(shadow);
    if (this.queue.length === 0) {
      const { adapter, found } = fallbackItems(this.adapter, root, this.url, shadows);
      for (const { el } of found) {
        this.fallbackFor.set(el, adapter);
        this.enqueue(el);
      }
    }
    this.schedule();
  }

  /** Items found by a fallback adapter, and which one reads them. */
  private fallbackFor = new WeakMap<Element, Adapter>();

  stop(): void {
    this.stopped = true;
    this.queue = [];
    this.sweep = null;
  }

  /** Queues item roots added or changed by a batch of mutations. */
  onMutations(records: readonly MutationRecord[]): void {
    if (this.stopped) return;
    const selector = this.adapter.itemSelector;
    for (const r of records) {
      const target = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
      // Text changed inside a known item ("…more" expanded): rescan that item.
      const owner = target?.closest(selector);
      if (owner) this.enqueue(owner);
      for (const node of r.addedNodes) {
        if (node.nodeType !== 1) continue;
        const el = node as Element;
        if (el.matches(selector)) this.enqueue(el);
        for (const inner of el.querySelectorAll(selector)) this.enqueue(inner);
        for (const root of newShadowRoots(el, this.shadowRoots)) this.adopt(root);
      }
    }
    this.schedule();
  }

  private enqueue(el: Element): void {
    if (this.queued.has(el)) return;
    this.queued.add(el);
    this.queue.push(el);
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    this.host.idle((deadline) => this.work(deadline));
  }

  private work(deadline: { timeRemaining(): number }): void {
    this.scheduled = false;
    if (this.stopped) return;
    const start = this.host.now();
    const budget = Math.min(CHUNK_BUDGET_MS, Math.max(1, deadline.timeRemaining()));
    let index = 0;
    while (index < this.queue.length && this.host.now() - start < budget) {
      const el = this.queue[index++]!;
      this.queued.delete(el);
      this.scanOne(el);
    }
    this.queue = this.queue.slice(index);
    // The queue first (what the page shows), then the shadow-root search with what time is left.
    while (this.sweep && this.queue.length === 0 && this.host.now() - start < budget) {
      const next = this.sweep.next();
      if (next.done) this.sweep = null;
      else if (next.value) this.adopt(next.value);
    }
    if (this.queue.length > 0 || this.sweep) this.schedule();
    this.scheduleReport();
  }

  private scanOne(el: Element): void {
    if (!el.isConnected) return;
    let input: ItemInput | null;
    try {
      const adapter = this.fallbackFor.get(el) ?? this.adapter;
      input = adapter.extract(el, { url: this.url, index: this.order });
    } catch {
      return; // A page's odd markup never breaks the scan.
    }
    if (!input) return;
    // Ids longer than the protocol carries are replaced by their hash (never dropped).
    if (input.id.length > MAX_ID) input = { ...input, id: `h-${hashId(input.id)}` };
    const textHash = hashId(input.text) + input.labels.join('|').length + input.links.length;
    if (this.analyzed.get(input.id) === textHash) {
      // Same text, new element (the page re-rendered the post): give it its mark back.
      const known = this.flaggedWire.get(input.id);
      if (known && this.elements.get(input.id) !== el) {
        this.elements.set(input.id, el);
        this.draw(el, known);
      }
      return;
    }
    this.analyzed.set(input.id, textHash);
    let order = this.orders.get(input.id);
    if (order === undefined) {
      order = this.order++;
      this.orders.set(input.id, order);
    }
    const wire = toWire(this.host.analyze(input), input, order);
    // "Show on page" is offered for flagged findings only: keep no reference to the rest.
    if (FLAGGED.has(wire.verdict)) {
      this.elements.set(input.id, el);
      this.flaggedWire.set(input.id, wire);
    } else {
      this.elements.delete(input.id);
      this.flaggedWire.delete(input.id);
    }
    this.pending.push(wire);
    this.draw(el, wire);
  }

  /** Hands a finding to the host's marks; a mark that can't be drawn never stops the scan. */
  private draw(el: Element, wire: FindingWire): void {
    try {
      this.host.onFinding?.(el, wire);
    } catch {
      // The page's markup refused the mark.
    }
  }

  private scheduleReport(): void {
    if (this.reportTimer) return;
    this.reportTimer = true;
    this.host.timeout(() => {
      this.reportTimer = false;
      const done = this.queue.length === 0 && !this.scheduled && !this.sweep;
      const batch = this.pending;
      this.pending = [];
      if (batch.length > 0 || done) this.host.report(batch, done);
    }, REPORT_INTERVAL_MS);
  }
}
