/**
 * The ledger: memory's findings in IndexedDB, in the extension's own origin (the background writes,
 * the insights page reads). A small wrapper over `idb`; every entry read back is parsed, so a
 * damaged record drops only itself, and a database that cannot be opened is rebuilt empty (the
 * settings live elsewhere and are never touched).
 */
import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from 'idb';
import * as z from 'zod/mini';
import { PLATFORMS, VERDICTS } from '../engine/types';
import { type LedgerEntry, TIE_KINDS } from './graph';

export const LEDGER_NAME = 'basira-memory';
export const LEDGER_VERSION = 1;

interface LedgerSchema extends DBSchema {
  entries: { key: string; value: LedgerEntry; indexes: { date: number } };
}
type Db = IDBPDatabase<LedgerSchema>;

/**
 * One step per version, run in order from the stored version to LEDGER_VERSION; a new version
 * appends a step and never edits an old one.
 */
export const UPGRADES: ((db: Db) => void)[] = [
  // v1: entries by key (platform|host|post id), with an index by date for retention and charts.
  (db) => {
    const store = db.createObjectStore('entries', { keyPath: 'key' });
    store.createIndex('date', 'date');
  },
];

const s = (max: number) => z.string().check(z.maxLength(max));
export const LedgerEntrySchema = z.object({
  key: s(600),
  date: z.number().check(z.gte(0)),
  platform: z.enum(PLATFORMS),
  host: s(253),
  postId: s(300),
  author: z.nullable(s(200)),
  verdict: z.enum(VERDICTS),
  topic: z.nullable(z.enum(['ai', 'other'])),
  ties: z.array(z.object({ brand: s(60), kind: z.enum(TIE_KINDS) })).check(z.maxLength(20)),
  products: z.array(s(100)).check(z.maxLength(20)),
  cueKinds: z.array(s(40)).check(z.maxLength(30)),
  rules: z.array(s(120)).check(z.maxLength(60)),
  words: z.optional(s(200)),
  hideKey: z.optional(s(40)),
  url: z.optional(s(2000)),
  excerpt: z.optional(s(600)),
});

/** Keeps the entries that parse; counts the rest. */
export function parseEntries(raw: readonly unknown[]): { entries: LedgerEntry[]; dropped: number } {
  const entries: LedgerEntry[] = [];
  let dropped = 0;
  for (const r of raw) {
    const parsed = z.safeParse(LedgerEntrySchema, r);
    if (parsed.success) entries.push(parsed.data as LedgerEntry);
    else dropped++;
  }
  return { entries, dropped };
}

const DAY = 24 * 60 * 60 * 1000;
/** When quota runs out: the oldest fifth goes, then the write is tried once more. */
const QUOTA_DROP = 0.2;

const isQuota = (e: unknown) =>
  e instanceof DOMException ? e.name === 'QuotaExceededError' : (e as Error)?.name === 'QuotaExceededError';

export interface LedgerOptions {
  name?: string;
  /**
   * Rebuild a database that opens without its store (damaged), telling `onReset` (the reason, in
   * English). Only the background repairs; a page that reads the ledger never deletes it.
   */
  repair?: boolean;
  onReset?: (reason: string) => void;
}

export class Ledger {
  private db: Promise<Db> | null = null;
  private readonly name: string;
  private readonly repair: boolean;
  private readonly onReset: (reason: string) => void;

  constructor(options: LedgerOptions = {}) {
    this.name = options.name ?? LEDGER_NAME;
    this.repair = options.repair ?? false;
    this.onReset = options.onReset ?? (() => undefined);
  }

  private connect(): Promise<Db> {
    return openDB<LedgerSchema>(this.name, LEDGER_VERSION, {
      upgrade(db, oldVersion) {
        for (let v = oldVersion; v < LEDGER_VERSION; v++) UPGRADES[v]!(db);
      },
      // Another context (a newer version, or "Forget" rebuilding it) needs the database: step
      // aside, and open it again at the next use.
      blocking: (_current, _blocked, event) => {
        (event.target as IDBDatabase).close();
        this.db = null;
      },
    });
  }

  /**
   * Opens the database. One that opens without its store is damaged: with `repair` it is deleted
   * and made anew (an empty memory, and a notice). Any other failure (IndexedDB unavailable, a
   * newer Basira's database after a downgrade, a passing error) is reported to the caller and
   * deletes nothing: the posts are then judged without memory.
   */
  open(): Promise<Db> {
    this.db ??= (async () => {
      const db = await this.connect();
      if (db.objectStoreNames.contains('entries')) return db;
      db.close();
      if (!this.repair) throw new Error('the memory database is damaged (its store is missing)');
      await deleteDB(this.name);
      this.onReset('memory could not be read (its store was missing) and was started again empty');
      return this.connect();
    })();
    this.db.catch(() => {
      this.db = null; // a failed open is retried next time, not remembered
    });
    return this.db;
  }

  /** Writes entries in one transaction (a post seen again replaces its entry). When quota runs out, the oldest go first. */
  async put(entries: readonly LedgerEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const write = async () => {
      const tx = (await this.open()).transaction('entries', 'readwrite');
      await Promise.all([...entries.map((e) => tx.store.put(e)), tx.done]);
    };
    try {
      await write();
    } catch (e) {
      if (!isQuota(e)) throw e;
      await this.dropOldest(Math.max(entries.length, Math.ceil((await this.count()) * QUOTA_DROP)));
      await write();
    }
  }

  /** Entries since `since` (ms), oldest first, parsed. */
  async read(since = 0): Promise<{ entries: LedgerEntry[]; dropped: number }> {
    const db = await this.open();
    const raw = await db.getAllFromIndex('entries', 'date', IDBKeyRange.lowerBound(since));
    return parseEntries(raw);
  }

  /** How many entries there are. */
  async count(): Promise<number> {
    return (await this.open()).count('entries');
  }

  /** Deletes the `n` oldest entries; returns how many went. */
  dropOldest(n: number): Promise<number> {
    return this.deleteOldest(null, n);
  }

  /** Deletes entries older than `days` days before `now`; returns how many went. */
  prune(days: number, now = Date.now()): Promise<number> {
    return this.deleteOldest(IDBKeyRange.upperBound(now - days * DAY, true), Number.POSITIVE_INFINITY);
  }

  /** Deletes entries oldest first, within `range` of dates, at most `limit`; returns how many went. */
  private async deleteOldest(range: IDBKeyRange | null, limit: number): Promise<number> {
    const tx = (await this.open()).transaction('entries', 'readwrite');
    let gone = 0;
    for (
      let cursor = await tx.store.index('date').openCursor(range);
      cursor && gone < limit;
      cursor = await cursor.continue()
    ) {
      await cursor.delete();
      gone++;
    }
    await tx.done;
    return gone;
  }

  /** Removes every entry's address and excerpt (the person stopped keeping them). */
  async stripPages(): Promise<void> {
    const tx = (await this.open()).transaction('entries', 'readwrite');
    for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
      if (cursor.value.url === undefined && cursor.value.excerpt === undefined) continue;
      const { url: _u, excerpt: _e, ...rest } = cursor.value;
      await cursor.update(rest);
    }
    await tx.done;
  }

  /** Forgets everything. */
  async clear(): Promise<void> {
    await (await this.open()).clear('entries');
  }

  close(): void {
    void this.db?.then((db) => db.close()).catch(() => undefined);
    this.db = null;
  }
}
