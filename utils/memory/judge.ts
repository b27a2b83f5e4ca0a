/**
 * Judging posts in the order a person saw them, with memory: each post gets its author's earlier
 * partnerships, and leaves its own in the index for the posts after it. The CLI's `--memory` and
 * the tests' sequences run this; the background does the same steps around its batches
 * (utils/memory/keeper.ts).
 */
import { type AnalyzeOptions, analyzeItem } from '../engine/analyze';
import type { CompiledRules } from '../engine/rules/compile';
import type { Finding, ItemInput } from '../engine/types';
import { toWire } from '../findings';
import { entryFrom, type LedgerEntry, type PartnerIndex, postKey } from './graph';

export function judgeRemembering(
  item: ItemInput,
  rules: CompiledRules,
  index: PartnerIndex,
  date: number,
  options: AnalyzeOptions & { keepPages?: boolean } = {},
): { finding: Finding; entry: LedgerEntry | null } {
  const partners = index.partnersFor(item.platform, item.author, postKey(item));
  const finding = analyzeItem(partners.length > 0 ? { ...item, partners } : item, rules, options);
  const entry = entryFrom(toWire(finding, item, 0), item, date, options.keepPages ?? false);
  if (entry) index.add(entry);
  return { finding, entry };
}
