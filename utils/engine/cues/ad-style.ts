import { HANDLE_WORD, NUMBER_WORD, PERCENT_WORD, scoreStyleText, URL_WORD } from '../style';
import type { Cue } from '../types';
import { decidesFlag } from '../verdict';
import type { CueDetector, DetectContext } from './detector';
import { DETECTOR_BY_KIND } from './registry';

const PLACEHOLDERS = [URL_WORD, HANDLE_WORD, PERCENT_WORD, NUMBER_WORD];
/** A feature a reader recognises in the post: no placeholder word, no code-shape marker. */
const readable = (f: string) => !f.startsWith('<') && !PLACEHOLDERS.some((p) => f.includes(p));

/** Whether an earlier cue makes the post about AI (a product, a generic AI word). */
export function aboutAi(ctx: DetectContext): boolean {
  return ctx.cues.some((c) => {
    const role = DETECTOR_BY_KIND.get(c.kind)?.role;
    return role?.ai || role?.aiContext;
  });
}

/**
 * The post as a whole reads like an advertisement (utils/engine/style.ts): promotional pressure
 * that no single phrase rule names. Only for posts about AI (a product, a generic AI word) that the
 * rules alone do not flag: it adds pressure, never a tie or a disclosure. Its counterpart, for
 * posts the rules do flag, is ./talk-style.ts.
 */
const detector: CueDetector = {
  kind: 'ad-style',
  description:
    'The post reads like an advertisement as a whole: a model learned from labelled posts weighs its words, emoji and code-shaped tokens.',
  role: { promo: 1 },
  concerns: [],
  // Reads phase-1 cues: whether the post is about AI at all.
  phase: 2,
  detect(ctx) {
    const model = ctx.rules.style;
    if (!model || !aboutAi(ctx)) return [];
    // A fallback for what the rules miss: a post they already flag gains nothing from it, nor does
    // one that its pressure could not flag (talk about the topic outweighs it): the model is read
    // only where its answer decides the verdict.
    const hypothesis: Cue = { kind: 'ad-style', rule: model.id, text: '', lang: 'und', sources: [] };
    if (!decidesFlag(ctx.cues, hypothesis)) return [];
    const { score, strongest } = scoreStyleText(model, ctx.item.text, ctx.norm.text, 12);
    if (score < model.threshold) return [];
    // A middle dot reads as a list in both directions (a comma would be Latin in an Arabic line).
    const words = strongest.filter(readable).slice(0, 3).join(' · ');
    return [
      {
        kind: 'ad-style',
        rule: model.id,
        text: words,
        lang: 'und',
        sources: model.sources,
        detail: score.toFixed(2),
      },
    ];
  },
};
export default detector;
