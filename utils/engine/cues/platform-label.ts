import { normalize } from '../normalize';
import { scanTest } from '../patterns';
import type { Cue } from '../types';
import type { CueDetector } from './detector';

/** The partner a platform's partnership label names: "Paid partnership with HeyGen", "شراكة مدفوعة مع جاما". */
const PARTNER_OF_LABEL =
  /(?:partnership|partenariat|colaboraci[oó]n|partnerschaft|شراكة|بالتعاون)[^\n]{0,40}?\s(?:with|avec|con|mit|مع)\s+(.{2,60})$/iu;

/**
 * The brand a partnership label names ("Paid partnership with HeyGen" → "HeyGen", "Partenariat
 * rémunéré avec Lumen" → "Lumen"), or null for any other label ("Sponsored", a page's name). Read
 * by the AI-product detector (the partner names a product) and by memory (the partner is the tie).
 */
export function partnerOfLabel(label: string): string | null {
  const flat = label.slice(0, 200).replace(/\s+/g, ' ').trim();
  return PARTNER_OF_LABEL.exec(flat)?.[1]?.replace(/^@/, '').trim() || null;
}

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
