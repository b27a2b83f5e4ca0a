import { scoreStyleText } from '../style';
import type { Cue } from '../types';
import { decidesFlag } from '../verdict';
import { aboutAi } from './ad-style';
import type { CueDetector } from './detector';

/**
 * The post as a whole reads as talk about the topic, not as an advertisement: the ad-likeness
 * model (utils/engine/style.ts) scores it under its talk threshold. Read only for posts about AI
 * that the rules flag, where a news story, a review or a rant quoting a code or a "sign up now"
 * would otherwise pass for the ad it describes. It weighs as one discourse cue: it undoes a flag
 * built on pressure alone or on a bare disclosure word, never a label, a link or a code on its own.
 */
const detector: CueDetector = {
  kind: 'talk-style',
  description:
    'The post reads as talk about the topic as a whole, not as an advertisement (the ad-likeness model scores it very low).',
  role: { discourse: 1 },
  concerns: [],
  // Reads phase-1 cues: whether the post is about AI and flagged by the rules.
  phase: 2,
  detect(ctx) {
    const model = ctx.rules.style;
    if (!model || !aboutAi(ctx)) return [];
    const cue: Cue = {
      kind: 'talk-style',
      rule: `${model.id}.talk`,
      text: '',
      lang: 'und',
      sources: model.sources,
    };
    // Read only where its answer decides the verdict: on a post the rules flag, and not where a
    // code or a label stands whatever it says.
    if (!decidesFlag(ctx.cues, cue)) return [];
    const { score } = scoreStyleText(model, ctx.item.text, ctx.norm.text);
    if (score >= model.talkThreshold) return [];
    return [{ ...cue, detail: score.toFixed(2) }];
  },
};
export default detector;
