import { matchLinkRule } from '../links';
import type { Cue } from '../types';
import type { CueDetector } from './detector';

const detector: CueDetector = {
  kind: 'affiliate-link',
  description:
    'A link carrying an affiliate or referral code (network domains, ?via=, ?fpr=, tag=…-20), unwrapped offline.',
  role: { tie: 1, linkTie: true, promo: 1 },
  concerns: ['affiliate-incentive'],
  phase: 1,
  detect(ctx) {
    const cues: Cue[] = [];
    for (const link of ctx.links) {
      if (!link.target) continue;
      const rule = ctx.rules.linkRules.find(
        (r) => r.kind === 'affiliate' && matchLinkRule(link.target!, r, link.truncated),
      );
      if (!rule) continue;
      cues.push({
        kind: 'affiliate-link',
        rule: rule.id,
        text: link.target.href,
        lang: 'und',
        sources: rule.sources,
        detail: `${link.target.hostname.replace(/^www\./, '')} — ${rule.name}`,
      });
    }
    return cues;
  },
};
export default detector;
