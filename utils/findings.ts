/**
 * Engine findings as the protocol carries them (utils/protocol.ts `FindingWire`): what the
 * background answers a content script with, keeps per tab, and the popup lists.
 */
import { isShown } from './engine/cues/kinds';
import { type Finding, FLAGGED, type ItemInput } from './engine/types';
import type { FindingWire } from './protocol';

/** Characters of original text the popup gets for each finding, around its first cue. */
const SNIPPET = 420;

export function snippetOf(f: Finding, text: string): { snippet: string; snippetStart: number } {
  const firstCue = f.cues.find((c) => c.start !== undefined && isShown(c.kind));
  const start =
    firstCue?.start !== undefined && firstCue.start > SNIPPET - 120 ? Math.max(0, firstCue.start - 100) : 0;
  return { snippet: text.slice(start, start + SNIPPET), snippetStart: start };
}

export function toWire(f: Finding, input: ItemInput, order: number): FindingWire {
  return {
    ...snippetOf(f, input.text),
    id: f.id,
    verdict: f.verdict,
    topic: f.topic,
    confidence: f.confidence,
    cues: f.cues.slice(0, 60).map((c) => ({
      kind: c.kind,
      rule: c.rule,
      text: c.text.slice(0, 600),
      lang: c.lang,
      ...(c.start !== undefined ? { start: c.start, end: c.end } : {}),
      sources: c.sources.slice(0, 20),
      ...(c.detail ? { detail: c.detail.slice(0, 300) } : {}),
      ...(c.evidence
        ? {
            evidence: {
              brand: c.evidence.brand.slice(0, 100),
              date: c.evidence.date,
              kind: c.evidence.kind,
              words: c.evidence.words.slice(0, 200),
              url: c.evidence.url?.slice(0, 2000) ?? null,
            },
          }
        : {}),
    })),
    concerns: f.concerns,
    excerpt: f.excerpt.slice(0, 600),
    products: f.products.slice(0, 20),
    platform: input.platform,
    author: input.author?.slice(0, 200) ?? null,
    order,
  };
}

/**
 * A finding as a tab keeps it: whole when flagged; otherwise only what says it was read and what
 * it was (verdict, topic, excerpt), since nothing shows or counts an unflagged finding's cues.
 */
export function kept(f: FindingWire): FindingWire {
  if (FLAGGED.has(f.verdict)) return f;
  return { ...f, cues: [], concerns: [], products: [], snippet: '', snippetStart: 0 };
}

/** Characters of the excerpt a page keeps: enough for a post's key (utils/feedback-match.ts postKey reads 200 of its flattened words). */
const PAGE_EXCERPT = 201;

/**
 * A flagged finding as a page needs it for its mark: the verdict, the cues' words (for the panel's
 * lines), the author and products (for "This is wrong") and the start of the excerpt (for the
 * post's key). The popup's snippet, the concerns and each cue's sources stay in the background:
 * a feed of 2,000 posts keeps ~900 of these in the page.
 */
export function forPage(f: FindingWire): FindingWire {
  return {
    ...f,
    cues: f.cues.map((c) => ({ ...c, sources: [] })),
    concerns: [],
    excerpt: f.excerpt.slice(0, PAGE_EXCERPT),
    snippet: '',
    snippetStart: 0,
  };
}
