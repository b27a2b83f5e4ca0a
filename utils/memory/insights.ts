/**
 * What the insights page shows, computed from ledger entries: pure functions, so the page, the
 * bench and the tests share them.
 */
import type { Platform, Verdict } from '../engine/types';
import type { LedgerEntry } from './graph';

export const FLAGGED_VERDICTS = ['undisclosed', 'sponsored', 'promotion'] as const;
export type FlaggedVerdict = (typeof FLAGGED_VERDICTS)[number];

export interface DayCount {
  /** The day, as YYYY-MM-DD in local time. */
  day: string;
  counts: Record<FlaggedVerdict, number>;
}

export interface CreatorRecord {
  author: string;
  platform: Platform;
  brand: string;
  promotions: number;
  disclosed: number;
}

export interface Insights {
  days: DayCount[];
  total: number;
  undisclosed: number;
  /** Undisclosed share of flagged posts, 0–1 (0 with none). */
  undisclosedShare: number;
  byPlatform: { platform: Platform; count: number }[];
  products: { name: string; count: number }[];
  creators: CreatorRecord[];
}

const DAY = 24 * 60 * 60 * 1000;

/** YYYY-MM-DD of a date in local time. */
export function dayOf(date: number): string {
  const d = new Date(date);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const isFlagged = (v: Verdict): v is FlaggedVerdict => (FLAGGED_VERDICTS as readonly string[]).includes(v);

/** The last `range` days up to `now`, every day present (zeros included), oldest first. */
export function computeInsights(entries: readonly LedgerEntry[], range: number, now = Date.now()): Insights {
  const since = now - range * DAY;
  const days = new Map<string, DayCount>();
  // Calendar days, stepped by date (a day is not always 24 hours where clocks change).
  const cursor = new Date(now);
  cursor.setHours(12, 0, 0, 0);
  cursor.setDate(cursor.getDate() - (range - 1));
  for (let i = 0; i < range; i++) {
    const day = dayOf(cursor.getTime());
    days.set(day, { day, counts: { undisclosed: 0, sponsored: 0, promotion: 0 } });
    cursor.setDate(cursor.getDate() + 1);
  }
  const platforms = new Map<Platform, number>();
  const products = new Map<string, { name: string; count: number }>();
  const creators = new Map<string, CreatorRecord>();
  let total = 0;
  let undisclosed = 0;
  for (const e of entries) {
    if (e.date < since || e.date > now || !isFlagged(e.verdict)) continue;
    const day = days.get(dayOf(e.date));
    if (day) day.counts[e.verdict]++;
    total++;
    if (e.verdict === 'undisclosed') undisclosed++;
    platforms.set(e.platform, (platforms.get(e.platform) ?? 0) + 1);
    const brands = new Map<string, string>();
    for (const name of [...e.products, ...e.ties.map((t) => t.brand)]) {
      const id = name.toLowerCase().replace(/[\s._-]/g, '');
      if (id && !brands.has(id)) brands.set(id, name);
    }
    for (const [id, name] of brands) {
      const p = products.get(id) ?? { name, count: 0 };
      p.count++;
      products.set(id, p);
      if (!e.author) continue;
      const key = `${e.platform}|${e.author.toLowerCase()}|${id}`;
      const c = creators.get(key) ?? {
        author: e.author,
        platform: e.platform,
        brand: name,
        promotions: 0,
        disclosed: 0,
      };
      c.promotions++;
      if (e.verdict === 'sponsored') c.disclosed++;
      creators.set(key, c);
    }
  }
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  return {
    days: [...days.values()],
    total,
    undisclosed,
    undisclosedShare: total ? undisclosed / total : 0,
    byPlatform: [...platforms].map(([platform, count]) => ({ platform, count })).sort(byCount),
    products: [...products.values()].sort(byCount).slice(0, 10),
    // Most promotions first; among equals, the least disclosed first.
    creators: [...creators.values()]
      .sort((a, b) => b.promotions - a.promotions || a.disclosed - b.disclosed)
      .slice(0, 20),
  };
}

/** A spreadsheet cell: quoted when needed, and never read as a formula (=, +, -, @ lead with a quote). */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const LEDGER_CSV_HEADER =
  'date,platform,host,post_id,author,verdict,topic,ties,products,cue_kinds,rules,url,excerpt';

export function toCsv(entries: readonly LedgerEntry[]): string {
  const rows = entries.map((e) =>
    [
      new Date(e.date).toISOString(),
      e.platform,
      e.host,
      e.postId,
      e.author ?? '',
      e.verdict,
      e.topic ?? '',
      e.ties.map((t) => `${t.brand}:${t.kind}`).join('; '),
      e.products.join('; '),
      e.cueKinds.join('; '),
      e.rules.join('; '),
      e.url ?? '',
      e.excerpt ?? '',
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[LEDGER_CSV_HEADER, ...rows].join('\n')}\n`;
}

export function toJson(entries: readonly LedgerEntry[], exportedAt = Date.now()): string {
  return `${JSON.stringify({ basira: 'memory', version: 1, exportedAt: new Date(exportedAt).toISOString(), entries }, null, 2)}\n`;
}
