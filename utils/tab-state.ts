/**
 * Findings per tab, kept in session storage so a service worker that sleeps, or is stopped in the
 * middle of a scan, wakes up with them. Each batch's findings are written once, as their own
 * part, before the content script hears that the batch was taken; the tab's small head says how
 * many parts there are. A page of 2,000 posts is thus written once in all, not once per batch.
 */

import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import type { Platform } from './engine/types';
import { FindingWire } from './protocol';

const StoredHead = z.object({
  url: z.string(),
  platform: z.nullable(z.string()),
  status: z.enum(['scanning', 'done', 'paused']),
  /** When the background heard this page start (ms since epoch). */
  startedAt: z.optional(z.number()),
  /** How many parts of findings are stored. */
  parts: z.number().check(z.int(), z.gte(0)),
});

export const StoredTab = z.object({
  ...StoredHead.shape,
  findings: z.array(FindingWire),
});
export type StoredTab = z.infer<typeof StoredTab>;

const headKey = (tabId: number) => `session:tab-${tabId}` as const;
const partKey = (tabId: number, part: number) => `session:tab-${tabId}-${part}` as const;
const Part = z.array(FindingWire);

/** The tab's findings; a later part replaces an earlier finding with the same id (a rescanned item). */
export async function readTab(tabId: number): Promise<StoredTab | null> {
  const head = z.safeParse(StoredHead, await storage.getItem<unknown>(headKey(tabId)));
  if (!head.success) return null;
  const keys = Array.from({ length: head.data.parts }, (_, i) => partKey(tabId, i));
  const parts = keys.length > 0 ? await storage.getItems(keys) : [];
  const byId = new Map<string, FindingWire>();
  for (const { value } of parts) {
    const part = z.safeParse(Part, value);
    // A part that cannot be read loses its own findings, never the rest.
    if (part.success) for (const f of part.data) byId.set(f.id, f);
  }
  return { ...head.data, findings: [...byId.values()] };
}

const headOf = (tab: StoredTab) => ({
  url: tab.url,
  platform: tab.platform,
  status: tab.status,
  startedAt: tab.startedAt,
  parts: tab.parts,
});

/**
 * Stores a new page's head (findings none yet) and drops the parts of the page before. `oldParts`
 * is how many parts the tab had.
 */
export async function writeNewTab(tabId: number, tab: StoredTab, oldParts: number): Promise<void> {
  await storage.setItem(headKey(tabId), headOf(tab));
  await dropParts(tabId, tab.parts, oldParts);
}

/** Stores `batch` as the tab's next part (its number is `tab.parts - 1`) and the head that counts it. */
export async function appendPart(
  tabId: number,
  tab: StoredTab,
  batch: readonly FindingWire[],
): Promise<void> {
  const items: { key: `session:${string}`; value: unknown }[] = [{ key: headKey(tabId), value: headOf(tab) }];
  if (batch.length > 0) items.unshift({ key: partKey(tabId, tab.parts - 1), value: batch });
  await storage.setItems(items);
}

export async function clearTab(tabId: number, parts: number): Promise<void> {
  await storage.removeItem(headKey(tabId));
  await dropParts(tabId, 0, parts);
}

async function dropParts(tabId: number, from: number, to: number): Promise<void> {
  if (to > from)
    await storage.removeItems(Array.from({ length: to - from }, (_, i) => partKey(tabId, from + i)));
}

export function startTab(url: string, platform: Platform, paused: boolean): StoredTab {
  return {
    url,
    platform,
    status: paused ? 'paused' : 'scanning',
    findings: [],
    startedAt: Date.now(),
    parts: 0,
  };
}

/**
 * Merges a batch: a finding replaces the earlier one with the same id (rescanned item). A batch
 * with findings becomes a new part.
 */
export function mergeFindings(tab: StoredTab, batch: readonly FindingWire[], done: boolean): StoredTab {
  const byId = new Map(tab.findings.map((f) => [f.id, f]));
  for (const f of batch) byId.set(f.id, f);
  return {
    ...tab,
    findings: [...byId.values()],
    parts: batch.length > 0 ? tab.parts + 1 : tab.parts,
    status: done ? 'done' : tab.status === 'paused' ? 'paused' : 'scanning',
  };
}
