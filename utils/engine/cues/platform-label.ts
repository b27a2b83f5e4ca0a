import { normalize } from '../normalize';
import { scanTest } from '../patterns';
import type { Cue } from '../types';
import type { CueDetector } from './detector';

/** Labels the platform attached ("Paid partnership with", "Sponsored", "إعلان"), matched against label rules. */
const detector: CueDetector = {
  kind: 'platform-label',
  description: 'A native label the platform itself shows: Ad, Sponsored, Paid partnership, إعلان، مُموَّل.',
  role: { disclosure: 'label' },
  concerns: ['ad-transparency'],
  phase: 1,
  detect(ctx) {
    const cues: Cue[] = [];
    for (const label of ctx.item.labels.slice(0, 10)) {
      const text = normalize(label.slice(0, 200)).text.trim();
      for (const rule of ctx.rules.labelRules) {
        if (scanTest(rule.res, text)) {
          cues.push({
            kind: 'platform-label',
            rule: rule.id,
            text: label.trim(),
            lang: rule.lang,
            sources: rule.sources,
          });
          break;
        }
      }
    }
    return cues;
  },
};
export default detector;
