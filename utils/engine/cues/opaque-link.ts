import { matchLinkRule } from '../links';
import type { Cue } from '../types';
import type { CueDetector } from './detector';

/** Shorteners and link hubs hide the destination; Basira never follows them over the network. */
const detector: CueDetector = {
  kind: 'opaque-link',
  description:
    'A shortened or link-hub address (bit.ly, linktr.ee) whose destination is hidden; never followed.',
  role: { promo: 0.5 },
  concerns: [],
  phase: 1,
  detect(ctx) {
    const cues: Cue[] = [];
    for (const link of ctx.links) {
      if (!link.target) continue;
      const rule = ctx.rules.linkRules.find(
        (r) => r.kind === 'opaque' && matchLinkRule(link.target!, r, link.truncated),
      );
      if (!rule) continue;
      cues.push({
        kind: 'opaque-link',
        rule: rule.id,
        text: link.target.href,
        lang: 'und',
        sources: rule.sources,
        detail: rule.name,
      });
    }
    return cues;
  },
};
export default detector;
