/**
 * Splits a finding's snippet into plain and highlighted runs for the cues it shows. The result is
 * plain data: the popup renders each run as a text node (inside <mark> when highlighted), so page
 * text is never parsed as HTML.
 */
import { shownCues } from '../explain';
import type { FindingWire } from '../protocol';

type Cue = FindingWire['cues'][number];

export interface Run {
  text: string;
  /** Cue kinds matched in this run; empty for plain text. */
  kinds: string[];
}

/** Where `cue` sits in the snippet: its own offsets when it has them, else its text found there. */
function rangeOf(
  cue: Cue,
  snippet: string,
  snippetStart: number,
  lower: string | null,
): [number, number] | null {
  if (cue.start !== undefined && cue.end !== undefined) {
    const start = Math.max(0, cue.start - snippetStart);
    const end = Math.min(snippet.length, cue.end - snippetStart);
    return end > start ? [start, end] : null;
  }
  // Link and label cues carry no offsets; highlight their text if the snippet shows it.
  const needle = cue.text.trim().toLowerCase();
  if (lower === null || needle.length < 3) return null;
  const at = lower.indexOf(needle);
  return at === -1 ? null : [at, at + needle.length];
}

export function highlightRuns(finding: Pick<FindingWire, 'snippet' | 'snippetStart' | 'cues'>): Run[] {
  const { snippet, snippetStart } = finding;
  if (!snippet) return [];
  const lowered = snippet.toLowerCase();
  // Case folding that changes lengths would shift offsets: search only when it does not.
  const lower = lowered.length === snippet.length ? lowered : null;
  const ranges: { start: number; end: number; kind: string }[] = [];
  for (const cue of shownCues(finding as FindingWire)) {
    const range = rangeOf(cue, snippet, snippetStart, lower);
    if (range) ranges.push({ start: range[0], end: range[1], kind: cue.kind });
  }
  if (ranges.length === 0) return [{ text: snippet, kinds: [] }];
  // Boundaries where any range starts or ends; each piece between two is marked by the ranges covering it.
  const cuts = [...new Set([0, snippet.length, ...ranges.flatMap((r) => [r.start, r.end])])].sort(
    (a, b) => a - b,
  );
  const runs: Run[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    const kinds = [...new Set(ranges.filter((r) => r.start <= a && r.end >= b).map((r) => r.kind))];
    const last = runs[runs.length - 1];
    // Adjacent pieces with the same marking join, so one cue is one <mark>.
    if (last && last.kinds.join() === kinds.join()) last.text += snippet.slice(a, b);
    else runs.push({ text: snippet.slice(a, b), kinds });
  }
  return runs;
}
