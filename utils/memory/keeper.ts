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

export class Memory {
  readonly ledger: Ledger;
  private readonly index = new PartnerIndex();
  private loading: Promise<boolean> | null = null;
  private writes: Promise<unknown> = Promise.resolve();
  /** Entries waiting for the batch's one write. */
  private pending: LedgerEntry[] = [];

  constructor(options: LedgerOptions = {}) {
    this.ledger = new Ledger(options);
  }

  /** Opens the ledger once, drops entries past retention and builds the index; false if memory is unavailable. */
  ready(retentionDays: number): Promise<boolean> {
    this.loading ??= (async () => {
      try {
        await this.ledger.prune(retentionDays);
        const { entries } = await this.ledger.read();
        for (const e of entries) this.index.add(e);
        return true;
      } catch {
        this.loading = null; // tried again with the next batch
        return false;
      }
    })();
    return this.loading;
  }

  /** The post's author's earlier partnerships (never the post's own). */
  partnersFor(post: SeenPost): PriorPartnership[] {
    return this.index.partnersFor(post.platform, post.author, postKey(post));
  }

  /** Remembers one finding at once for the posts after it; written with the rest of its batch by `flush`. */
  remember(finding: FindingWire, post: SeenPost, keepPages: boolean, now = Date.now()): void {
    const entry = entryFrom(finding, post, now, keepPages);
    if (!entry) return;
    this.index.add(entry);
    this.pending.push(entry);
  }

  /** Writes what `remember` collected in one transaction, after earlier writes. */
  flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return this.writes.then(() => undefined);
    this.writes = this.writes.then(() => this.ledger.put(batch)).catch(() => undefined);
    return this.writes.then(() => undefined);
  }

  async prune(retentionDays: number): Promise<void> {
    await this.flush();
    try {
      await this.ledger.prune(retentionDays);
    } catch {
      // Retention is applied again at the next start.
    }
  }

  /** Forgets everything: the ledger and the index. */
  async forget(): Promise<void> {
    this.pending = [];
    await this.writes;
    this.index.clear();
    await this.ledger.clear();
  }
}
