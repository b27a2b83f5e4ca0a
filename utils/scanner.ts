/**
 * The content script's engine loop: find items, analyze them in idle-time chunks (no task over
 * ~8 ms of Basira work), watch for new and changed items in batches, and report findings.
 * Each item is analyzed once per text: results are cached by the adapter's id.
 */
import type { Adapter } from './adapters/adapter';
import { fallbackItems } from './adapters/fallback';
import { boundedInput, MAX_BATCH_ITEMS } from './dom/limits';
import { hashId } from './dom/text';
import type { FindingWire, ItemWire } from './protocol';

/** Longest slice of work per idle callback. */
export const CHUNK_BUDGET_MS = 8;
/** How long read items wait to be sent together. */
const BATCH_INTERVAL_MS = 100;
/** Batches sent and not yet answered, at most. */
const MAX_IN_FLIGHT = 2;
/** Characters of item text in one batch (a batch of long articles is sent sooner). */
const BATCH_CHARS = 400_000;
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
  /**
   * Hands a batch of items to the engine (in the background) and resolves with the flagged
   * findings among them, or null if the batch could not be delivered (the scan then stops).
   */
  submit(items: ItemWire[], done: boolean): Promise<FindingWire[] | null>;
  /** Called with every analyzed item's element: its flagged finding, or null (no mark). */
  onFinding?(el: Element, finding: FindingWire | null): void;
  now(): number;
  /** Watches an open shadow root for mutations, as the document is watched. */
  observe?(root: ShadowRoot): void;
}

export class Scanner {
  private queue: Element[] = [];
  private queued = new WeakSet<Element>();
  /** id → hash of the text last read. */
  private analyzed = new Map<string, string>();
  /** Items read and not yet sent, with their elements. */
  private outbox: { item: ItemWire; el: Element }[] = [];
  private outboxChars = 0;
  private scheduled = false;
  private sendTimer = false;
  /** Batches sent and not answered yet. */
  private inFlight = 0;
  private order = 0;
  /** Where each element stood when first read (adapters without ids of their own use it). */
  private indexes = new WeakMap<Element, number>();
  private nextIndex = 0;
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
    this.outbox = [];
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

  /** Nothing left to read or send. */
  private get idleNow(): boolean {
    return this.queue.length === 0 && !this.scheduled && !this.sweep && this.outbox.length === 0;
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
      this.readOne(el);
    }
    this.queue = this.queue.slice(index);
    // The queue first (what the page shows), then the shadow-root search with what time is left.
    while (this.sweep && this.queue.length === 0 && this.host.now() - start < budget) {
      const next = this.sweep.next();
      if (next.done) this.sweep = null;
      else if (next.value) this.adopt(next.value);
    }
    if (this.queue.length > 0 || this.sweep) this.schedule();
    this.scheduleSend();
  }

  private readOne(el: Element): void {
    if (!el.isConnected) return;
    let input: ReturnType<Adapter['extract']>;
    try {
      const adapter = this.fallbackFor.get(el) ?? this.adapter;
      // An element keeps the index it was first read at, so an item read again keeps its id.
      let index = this.indexes.get(el);
      if (index === undefined) {
        index = this.nextIndex++;
        this.indexes.set(el, index);
      }
      input = adapter.extract(el, { url: this.url, index });
    } catch {
      return; // A page's odd markup never breaks the scan.
    }
    if (!input) return;
    input = boundedInput(input);
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
    this.outbox.push({ item: { ...input, order }, el });
    this.outboxChars += input.text.length;
  }

  /** Hands a finding to the host's marks; a mark that can't be drawn never stops the scan. */
  private draw(el: Element, wire: FindingWire | null): void {
    try {
      this.host.onFinding?.(el, wire);
    } catch {
      // The page's markup refused the mark.
    }
  }

  /**
   * Sends read items shortly, together. Two batches may be in flight, so the page reads the next
   * while the background analyzes one; the batch that says the scan is done goes alone, after
   * every other has been answered.
   */
  private scheduleSend(): void {
    if (this.sendTimer || this.inFlight >= MAX_IN_FLIGHT || this.stopped) return;
    this.sendTimer = true;
    const full = this.outbox.length >= MAX_BATCH_ITEMS || this.outboxChars >= BATCH_CHARS;
    this.host.timeout(
      () => {
        this.sendTimer = false;
        void this.send();
      },
      full ? 0 : BATCH_INTERVAL_MS,
    );
  }

  private async send(): Promise<void> {
    if (this.inFlight >= MAX_IN_FLIGHT || this.stopped) return;
    const settled = this.idleNow && this.inFlight === 0;
    // Nothing to send: unless the scan just ended and has not said so (a page with no items
    // at all says so too, and the badge shows "clear").
    if (this.outbox.length === 0 && (!settled || this.reportedDone)) return;
    const batch: { item: ItemWire; el: Element }[] = [];
    let chars = 0;
    while (
      this.outbox.length > 0 &&
      batch.length < MAX_BATCH_ITEMS &&
      (batch.length === 0 || chars < BATCH_CHARS)
    ) {
      const next = this.outbox.shift()!;
      chars += next.item.text.length;
      batch.push(next);
    }
    this.outboxChars -= chars;
    const done = this.idleNow && this.inFlight === 0;
    this.inFlight++;
    // A second batch may leave while this one is answered.
    if (this.outbox.length > 0) this.scheduleSend();
    let flagged: FindingWire[] | null;
    try {
      flagged = await this.host.submit(
        batch.map((b) => b.item),
        done,
      );
    } catch {
      flagged = null;
    }
    this.inFlight--;
    if (this.stopped) return;
    if (flagged === null) {
      // The background could not be reached even after retries (the extension was removed or
      // reloaded): nothing more can be counted from this page.
      this.stop();
      return;
    }
    this.reportedDone = done;
    const byId = new Map(flagged.map((f) => [f.id, f]));
    for (const { item, el } of batch) {
      const finding = byId.get(item.id) ?? null;
      // "Show on page" is offered for flagged findings only: keep no reference to the rest.
      if (finding) {
        this.elements.set(item.id, el);
        this.flaggedWire.set(item.id, finding);
      } else {
        this.elements.delete(item.id);
        this.flaggedWire.delete(item.id);
      }
      this.draw(el, finding);
    }
    if (this.outbox.length > 0 || this.idleNow) this.scheduleSend();
  }

  /** Whether the last batch sent said the scan was done (a new item starts it again). */
  private reportedDone = false;
}
