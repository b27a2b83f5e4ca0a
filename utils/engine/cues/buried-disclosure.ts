import type { Cue } from '../types';
import type { CueDetector } from './detector';

/** A run of this many hashtags hides a disclosure placed inside it (ASA, FTC Disclosures 101). */
const LONG_HASHTAG_RUN = 6;

/** Hashtag runs as [start, end, count] over the original text. */
function hashtagRuns(text: string): [number, number, number][] {
  const runs: [number, number, number][] = [];
  const re = /#[\p{L}\p{N}_]+(?:[\s,،.]*#[\p{L}\p{N}_]+)*/gu;
  for (const m of text.matchAll(re)) {
    const count = m[0].split('#').length - 1;
    runs.push([m.index, m.index + m[0].length, count]);
  }
  return runs;
}

/**
 * A disclosure that is present but hard to see: only after the "…more" fold, or lost among many
 * hashtags. It still counts as a disclosure; this cue marks it as buried.
 */
const detector: CueDetector = {
  kind: 'buried-disclosure',
  description: 'A disclosure placed after the "…more" fold or lost in a long run of hashtags.',
  role: { disclosure: 'buried' },
  concerns: ['ambiguous-or-buried-disclosure'],
  phase: 2,
  detect(ctx) {
    const disclosures = ctx.cues.filter((c) => c.kind === 'disclosure' && c.start !== undefined);
    if (disclosures.length === 0) return [];
    const fold = ctx.item.fold ?? null;
    // Buried only if every disclosure is buried: one visible disclosure is enough.
    const runs = hashtagRuns(ctx.item.text);
    const reasons = disclosures.map((d) => {
      if (fold !== null && d.start! >= fold) return 'after the "more" fold';
      const run = runs.find(([s, e, count]) => d.start! >= s && d.end! <= e && count >= LONG_HASHTAG_RUN);
      if (run && d.start! > run[0]) return `among ${run[2]} hashtags`;
      return null;
    });
    if (reasons.some((r) => r === null)) return [];
    const first = disclosures[0]!;
    const cue: Cue = {
      kind: 'buried-disclosure',
      rule: 'buried.position',
      text: first.text,
      lang: first.lang,
      sources: ['ftc-101', 'asa-guide'],
      detail: reasons[0]!,
    };
    if (first.start !== undefined) cue.start = first.start;
    if (first.end !== undefined) cue.end = first.end;
    return [cue];
  },
};
export default detector;
