/**
 * Memory as the background runs it: the ledger on disk, the author → brand index in memory, and
 * the two things the engine's caller does with them — give each new post its author's history,
 * and remember what the post showed. Never in the way of a scan: when IndexedDB fails, posts are
 * judged alone and nothing else changes.
 */
import type { PriorPartnership } from '../engine/types';
import type { FindingWire } from '../protocol';
import { entryFrom, type LedgerEntry, PartnerIndex, postKey, type SeenPost } from './graph';
import { Ledger, type LedgerOptions } from './ledger';

const DAY = 24 * 60 * 60 * 1000;

export class Memory {
  readonly ledger: Ledger;
  private readonly index = new PartnerIndex();
  private loading: Promise<boolean> | null = null;
  private writes: Promise<unknown> = Promise.resolve();
  /** Changes with each "Forget everything": work begun before it leaves nothing behind. */
  private generation = 0;
  /** Entries waiting for the batch's one write. */
  private pending: LedgerEntry[] = [];

  constructor(options: LedgerOptions = {}) {
    this.ledger = new Ledger({ repair: true, ...options });
  }

  /** Opens the ledger once, drops entries past retention and builds the index; false if memory is unavailable. */
  ready(retentionDays: number): Promise<boolean> {
    this.loading ??= (async () => {
      const generation = this.generation;
      try {
        await this.ledger.prune(retentionDays);
        await this.reindex(generation);
        return true;
      } catch {
        this.loading = null; // tried again with the next batch
        return false;
      }
    })();
    return this.loading;
  }

  /** The post's author's earlier partnerships within retention (never the post's own, nor a post the person hid). */
  partnersFor(
    post: SeenPost,
    retentionDays: number,
    hidden?: ReadonlySet<string>,
    now = Date.now(),
  ): PriorPartnership[] {
    return this.index.partnersFor(
      post.platform,
      post.author,
      postKey(post),
      now - retentionDays * DAY,
      hidden,
    );
  }

  /** Remembers one finding at once for the posts after it; written with the rest of its batch by `flush`. */
  remember(finding: FindingWire, post: SeenPost, keepPages: boolean, now = Date.now()): void {
    const entry = entryFrom(finding, post, now, keepPages);
    if (!entry) return;
    this.index.add(entry);
    this.pending.push(entry);
  }

  /** Builds the index anew from the ledger, unless the person forgot everything since `generation`. */
  private async reindex(generation: number): Promise<void> {
    const { entries } = await this.ledger.read();
    // Forgotten meanwhile: what was read is gone.
    if (generation !== this.generation) return;
    this.index.clear();
    for (const e of entries) this.index.add(e);
  }

  /** Runs `task` after every write and forget queued before it. */
  private queue(task: () => Promise<unknown>): Promise<void> {
    this.writes = this.writes.then(task).catch(() => undefined);
    return this.writes.then(() => undefined);
  }

  /** Writes what `remember` collected in one transaction, after earlier writes. */
  flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    return this.queue(async () => {
      if (batch.length > 0) await this.ledger.put(batch);
    });
  }

  /** Drops entries past retention (the index leaves them out by date already). */
  prune(retentionDays: number): Promise<void> {
    return this.queue(() => this.ledger.prune(retentionDays));
  }

  /** Stops keeping addresses: they leave the ledger and the index. */
  stripPages(): Promise<void> {
    return this.queue(async () => {
      const generation = this.generation;
      await this.ledger.stripPages();
      await this.reindex(generation);
    });
  }

  /**
   * Forgets everything: the ledger and the index, in the write queue's order (a batch written
   * before it is deleted with the rest; one after it is what the person saw since).
   */
  forget(): Promise<void> {
    this.generation++;
    this.pending = [];
    this.index.clear();
    // Unlike writes, a failed forget is reported (the page that asked says so).
    const done = this.writes.then(() => this.ledger.clear());
    this.writes = done.catch(() => undefined);
    return done;
  }
}
