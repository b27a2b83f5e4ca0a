/** The ledger in IndexedDB (fake-indexeddb): dedupe, retention, quota, a corrupt database, upgrades. */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { LedgerEntry } from '@/utils/memory/graph';
import { LEDGER_VERSION, Ledger, UPGRADES } from '@/utils/memory/ledger';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 4);
let n = 0;
const entry = (over: Partial<LedgerEntry> = {}): LedgerEntry => ({
  key: `x|x.com|x-${++n}`,
  date: NOW,
  platform: 'x',
  host: 'x.com',
  postId: `x-${n}`,
  author: '@maya',
  verdict: 'undisclosed',
  topic: 'ai',
  ties: [{ brand: 'HeyGen', kind: 'affiliate-link' }],
  products: ['HeyGen'],
  cueKinds: ['affiliate-link', 'ai-product'],
  rules: ['link.heygen'],
  ...over,
});
const names: string[] = [];
const fresh = (options: ConstructorParameters<typeof Ledger>[0] = {}) => {
  const name = `test-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return new Ledger({ name, ...options });
};
afterEach(() => vi.restoreAllMocks());

describe('Ledger', () => {
  test('every version has its upgrade step', () => {
    expect(UPGRADES).toHaveLength(LEDGER_VERSION);
  });

  test('a post seen again replaces its entry: platform + host + post id is counted once', async () => {
    const ledger = fresh();
    const a = entry();
    await ledger.put([a, entry()]);
    await ledger.put([{ ...a, date: NOW + 1000, verdict: 'sponsored' }]);
    const { entries } = await ledger.read();
    expect(entries).toHaveLength(2);
    expect(entries.find((e) => e.key === a.key)?.verdict).toBe('sponsored');
  });

  test('retention drops what is older than the window, oldest first on quota', async () => {
    const ledger = fresh();
    await ledger.put([
      entry({ date: NOW - 100 * DAY }),
      entry({ date: NOW - 91 * DAY }),
      entry({ date: NOW - 89 * DAY }),
      entry({ date: NOW }),
    ]);
    expect(await ledger.prune(90, NOW)).toBe(2);
    expect((await ledger.read()).entries.map((e) => e.date)).toEqual([NOW - 89 * DAY, NOW]);
    expect(await ledger.dropOldest(1)).toBe(1);
    expect((await ledger.read()).entries.map((e) => e.date)).toEqual([NOW]);
  });

  test('when quota runs out, the oldest entries go and the write is tried again', async () => {
    const ledger = fresh();
    const old = Array.from({ length: 10 }, (_, i) => entry({ date: NOW - (20 - i) * DAY }));
    await ledger.put(old);
    const quota = new DOMException('full', 'QuotaExceededError');
    const put = IDBObjectStore.prototype.put;
    let failed = false;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (!failed) {
        failed = true;
        throw quota;
      }
      return put.apply(this, args as Parameters<typeof put>);
    });
    const latest = entry({ date: NOW });
    await ledger.put([latest]);
    const { entries } = await ledger.read();
    expect(entries.some((e) => e.key === latest.key)).toBe(true);
    expect(entries.some((e) => e.key === old[0]!.key)).toBe(false); // the oldest went first
    expect(entries.some((e) => e.key === old[9]!.key)).toBe(true);
  });

  test('a database without its store is rebuilt empty, with a notice; a damaged record drops only itself', async () => {
    const name = `broken-${Math.random()}`;
    // An unreadable database: the right name and version, but not the ledger's shape.
    const db = await openDB(name, LEDGER_VERSION, { upgrade: (d) => void d.createObjectStore('other') });
    db.close();
    // A page that only reads the ledger never deletes it.
    await expect(new Ledger({ name }).read()).rejects.toThrow(/damaged/);
    const onReset = vi.fn();
    const ledger = new Ledger({ name, onReset, repair: true });
    await ledger.put([entry()]);
    expect(onReset).toHaveBeenCalledOnce();
    expect(onReset.mock.calls[0]![0]).toMatch(/started again empty/);
    // A record written by something else (or damaged) is skipped on reading.
    const raw = await openDB(name, LEDGER_VERSION);
    await raw.put('entries', { key: 'bad', date: 5, platform: 'myspace' });
    raw.close();
    ledger.close();
    const again = new Ledger({ name });
    const { entries, dropped } = await again.read();
    expect(entries).toHaveLength(1);
    expect(dropped).toBe(1);
  });

  test('a database from a newer Basira (after a downgrade) is left as it is: memory is unavailable, nothing is deleted', async () => {
    const name = `newer-${Math.random()}`;
    const db = await openDB(name, LEDGER_VERSION + 5, {
      upgrade: (d) => void d.createObjectStore('entries', { keyPath: 'key' }),
    });
    await db.put('entries', entry());
    db.close();
    const onReset = vi.fn();
    const ledger = new Ledger({ name, onReset, repair: true });
    await expect(ledger.put([entry()])).rejects.toThrow();
    expect(onReset).not.toHaveBeenCalled();
    const again = await openDB(name, LEDGER_VERSION + 5);
    expect(await again.count('entries')).toBe(1);
    again.close();
  });

  test('addresses and excerpts can be removed from every entry', async () => {
    const ledger = fresh();
    await ledger.put([entry({ url: 'https://x.com/i/status/1', excerpt: 'post' }), entry()]);
    await ledger.stripPages();
    const { entries } = await ledger.read();
    expect(entries.every((e) => e.url === undefined && e.excerpt === undefined)).toBe(true);
    expect(entries).toHaveLength(2);
  });

  test('forget everything', async () => {
    const ledger = fresh();
    await ledger.put([entry(), entry()]);
    await ledger.clear();
    expect(await ledger.count()).toBe(0);
  });
});
