/**
 * The same author disclosed, or the platform labelled, a partnership with this brand in a post the
 * person saw earlier, and this post pushes the brand without saying so. The history arrives with
 * the item (`ItemInput.partners`, from the background's memory); the detector only reads it.
 */
import { hasArabic } from '../arabic';
import { normalizeText } from '../normalize';
import { isWord } from '../tokens';
import type { Cue } from '../types';
import type { CueDetector } from './detector';
import { DETECTOR_BY_KIND } from './registry';

/** Whether normalized `text` names `brand` as a whole word ("@heygen", "HeyGen's"), not inside another word. */
function namesBrand(text: string, brand: string): boolean {
  const b = normalizeText(brand).trim();
  if (b.length < 2) return false;
  for (let at = text.indexOf(b); at >= 0; at = text.indexOf(b, at + 1)) {
    const before = at > 0 ? text.charCodeAt(at - 1) : 0x20;
    const after = at + b.length < text.length ? text.charCodeAt(at + b.length) : 0x20;
    // Arabic brands may carry clitics before them (وهاي جين); Latin ones may not (myheygen).
    const beforeOk = !isWord(before) || (hasArabic(b) && /[وفبلك]/.test(String.fromCharCode(before)));
    if (beforeOk && !isWord(after)) return true;
  }
  return false;
}

/** A link's host names the brand: heygen.com, app.heygen.com, heygen.ai for "HeyGen". */
const hostNames = (host: string, brand: string) => {
  const b = normalizeText(brand).replace(/[\s.-]+/g, '');
  return (
    b.length >= 3 &&
    host
      .split('.')
      .slice(0, -1)
      .some((label) => label === b)
  );
};

const detector: CueDetector = {
  kind: 'prior-partnership',
  description:
    'The same author disclosed a partnership with this brand (or the platform labelled one) in a post you saw earlier; this one pushes it without saying so.',
  role: { tie: 1 },
  concerns: [],
  // Reads phase-1 cues: whether this post pushes at all, and whether it discloses.
  phase: 2,
  detect(ctx) {
    const partners = ctx.item.partners;
    if (!partners?.length) return [];
    const roles = ctx.cues.filter((c) => !c.quoted).map((c) => DETECTOR_BY_KIND.get(c.kind)?.role);
    // A post that discloses is never made worse by history; talk about a brand is not a push.
    if (
      roles.some((r) => r?.disclosure === 'clear' || r?.disclosure === 'label' || r?.disclosure === 'buried')
    )
      return [];
    if (roles.some((r) => (r?.discourse ?? 0) > 0)) return [];
    // A push: a tie of its own or promotional pressure (a call to action, hype, urgency).
    if (!roles.some((r) => (r?.tie ?? 0) > 0 || (r?.promo ?? 0) > 0)) return [];
    const hosts = ctx.links.map((l) => l.target?.hostname.toLowerCase().replace(/^www\./, '') ?? '');
    const cues: Cue[] = [];
    const seen = new Set<string>();
    // Most recent evidence first: one line per brand.
    for (const p of [...partners].sort((a, b) => b.date - a.date)) {
      const key = normalizeText(p.brand).trim();
      if (seen.has(key)) continue;
      if (!namesBrand(ctx.norm.text, p.brand) && !hosts.some((h) => h && hostNames(h, p.brand))) continue;
      seen.add(key);
      cues.push({
        kind: 'prior-partnership',
        rule: 'memory.prior-partnership',
        text: p.words.slice(0, 200),
        lang: 'und',
        sources: ['ftc-faq', 'ftc-255'],
        detail: p.brand,
        evidence: p,
      });
      if (cues.length >= 3) break;
    }
    return cues;
  },
};
export default detector;
