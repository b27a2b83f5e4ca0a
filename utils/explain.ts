/**
 * Plain words for verdicts and cues, shared by the popup and the in-page marks. Strings come from
 * `_locales` (English and Arabic with identical keys); cue text is page text and is only ever
 * placed with textContent.
 */
import type { FindingWire } from './protocol';

export type Translate = (key: string, substitutions?: string | string[]) => string;
type Cue = FindingWire['cues'][number];

const clip = (s: string, n = 60) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

/** What a cue found, in plain words ("Affiliate link: jasper.ai — FirstPromoter referral"). */
export function describeCue(cue: Cue, t: Translate): string {
  const value =
    cue.kind === 'affiliate-link' ||
    cue.kind === 'opaque-link' ||
    cue.kind === 'ai-product' ||
    cue.kind === 'buried-disclosure'
      ? (cue.detail ?? cue.text)
      : cue.text;
  return t(`cue_${cue.kind.replace(/-/g, '_')}`, clip(value));
}

/** One line on why the finding matters. */
export function why(finding: FindingWire, t: Translate): string {
  if (finding.verdict === 'sponsored' && finding.cues.some((c) => c.kind === 'buried-disclosure')) {
    return t('why_sponsored_buried');
  }
  return t(`why_${finding.verdict}`);
}

/** Cues worth showing a person: the ones that explain the verdict, not background signals. */
export function shownCues(finding: FindingWire): Cue[] {
  return finding.cues.filter((c) => c.kind !== 'discourse' && c.kind !== 'ai-topic');
}
