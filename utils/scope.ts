/**
 * What counts. The badge and the popup's list both come from `visibleFindings`, so the badge
 * number is always the length of the list the popup shows.
 */
import { FLAGGED, type Verdict } from './engine/types';
import type { FindingWire } from './protocol';
import type { Settings } from './settings';

export function counts(verdict: Verdict, topic: FindingWire['topic'], settings: Settings): boolean {
  if (!FLAGGED.has(verdict)) return false;
  if (verdict === 'promotion' && !settings.countPromotion) return false;
  return settings.scope === 'all' || topic === 'ai';
}

export function visibleFindings(findings: readonly FindingWire[], settings: Settings): FindingWire[] {
  return findings.filter((f) => counts(f.verdict, f.topic, settings)).sort((a, b) => a.order - b.order);
}

export type BadgeColor = 'red' | 'amber' | null;

export function badgeFor(visible: readonly FindingWire[]): { text: string; color: BadgeColor } {
  if (visible.length === 0) return { text: '', color: null };
  const text = visible.length > 999 ? '999+' : String(visible.length);
  return { text, color: visible.some((f) => f.verdict === 'undisclosed') ? 'red' : 'amber' };
}
