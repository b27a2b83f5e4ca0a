/**
 * What counts. The badge and the popup's list both come from `visibleFindings`, so the badge
 * number is always the length of the list the popup shows.
 */
import { FLAGGED, type Verdict } from './engine/types';
import { dismissed } from './feedback-match';
import type { FindingWire } from './protocol';
import type { Settings } from './settings';

/** The settings that decide what counts (the content script gets just these, in its page view). */
export type CountRule = Pick<Settings, 'scope' | 'countPromotion'>;
/** The count's rule and what the person said is wrong (utils/feedback.ts). */
export type ListRule = CountRule & Pick<Settings, 'feedback'>;

export function counts(verdict: Verdict, topic: FindingWire['topic'], settings: CountRule): boolean {
  if (!FLAGGED.has(verdict)) return false;
  if (verdict === 'promotion' && !settings.countPromotion) return false;
  return settings.scope === 'all' || topic === 'ai';
}

export function visibleFindings(findings: readonly FindingWire[], settings: ListRule): FindingWire[] {
  return findings
    .filter((f) => counts(f.verdict, f.topic, settings) && !dismissed(f, settings.feedback))
    .sort((a, b) => a.order - b.order);
}

export type BadgeColor = 'red' | 'amber' | 'grey' | null;

export function badgeFor(visible: readonly FindingWire[]): { text: string; color: BadgeColor } {
  if (visible.length === 0) return { text: '', color: null };
  const text = visible.length > 999 ? '999+' : String(visible.length);
  return { text, color: visible.some((f) => f.verdict === 'undisclosed') ? 'red' : 'amber' };
}

/** What the badge stands for on a tab: its state, and what it counts by verdict. */
export type BadgeState = 'unread' | 'paused' | 'reading' | 'clear' | 'found';
export interface BadgeSummary {
  state: BadgeState;
  counts: { undisclosed: number; sponsored: number; promotion: number };
}

export function badgeSummary(
  status: 'scanning' | 'done' | 'paused' | null,
  visible: readonly FindingWire[],
): BadgeSummary {
  const counts = { undisclosed: 0, sponsored: 0, promotion: 0 };
  for (const f of visible) if (f.verdict in counts) counts[f.verdict as keyof typeof counts]++;
  const state: BadgeState =
    status === null
      ? 'unread'
      : status === 'paused'
        ? 'paused'
        : visible.length > 0
          ? 'found'
          : status === 'scanning'
            ? 'reading'
            : 'clear';
  return { state, counts };
}

/** The badge itself: the count (red when any is undisclosed), or a grey pause sign. */
export function badgeLook(
  summary: BadgeSummary,
  visible: readonly FindingWire[],
): { text: string; color: BadgeColor } {
  if (summary.state === 'paused') return { text: '⏸', color: 'grey' };
  return badgeFor(visible);
}

/**
 * The badge's tooltip, in words: what it counts ("Basira: 1 undisclosed · 3 sponsored"), or why
 * it shows nothing (paused here, not read, still reading, nothing flagged).
 */
export function badgeTitle(
  summary: BadgeSummary,
  t: (key: string, substitutions?: string | string[]) => string,
  plural: (base: string, count: number) => string,
): string {
  if (summary.state !== 'found') return t(`badge_title_${summary.state}`);
  const parts = (['undisclosed', 'sponsored', 'promotion'] as const)
    .filter((v) => summary.counts[v] > 0)
    .map((v) => plural(`badge_${v}`, summary.counts[v]));
  return t('badge_title_found', parts.join(' · '));
}
