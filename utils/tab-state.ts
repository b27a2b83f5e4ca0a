/**
 * Findings per tab, kept in session storage so a sleeping service worker wakes up with them.
 */

import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import type { Platform } from './engine/types';
import { FindingWire } from './protocol';

export const StoredTab = z.object({
  url: z.string(),
  platform: z.nullable(z.string()),
  status: z.enum(['scanning', 'done', 'paused']),
  findings: z.array(FindingWire),
  /** When the background heard this page start (ms since epoch). */
  startedAt: z.optional(z.number()),
});
export type StoredTab = z.infer<typeof StoredTab>;

const key = (tabId: number) => `session:tab-${tabId}` as const;

export async function readTab(tabId: number): Promise<StoredTab | null> {
  const raw = await storage.getItem<unknown>(key(tabId));
  const parsed = z.safeParse(StoredTab, raw);
  return parsed.success ? parsed.data : null;
}

export async function writeTab(tabId: number, tab: StoredTab): Promise<void> {
  await storage.setItem(key(tabId), tab);
}

export async function clearTab(tabId: number): Promise<void> {
  await storage.removeItem(key(tabId));
}

export function startTab(url: string, platform: Platform, paused: boolean): StoredTab {
  return { url, platform, status: paused ? 'paused' : 'scanning', findings: [], startedAt: Date.now() };
}

/** Merges a batch: a finding replaces the earlier one with the same id (rescanned item). */
export function mergeFindings(tab: StoredTab, batch: readonly FindingWire[], done: boolean): StoredTab {
  const byId = new Map(tab.findings.map((f) => [f.id, f]));
  for (const f of batch) byId.set(f.id, f);
  return {
    ...tab,
    findings: [...byId.values()],
    status: done ? 'done' : tab.status === 'paused' ? 'paused' : 'scanning',
  };
}
