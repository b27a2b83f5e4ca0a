/**
 * Plain words for verdicts and cues, shared by the popup and the in-page marks. Strings come from
 * `_locales` (English and Arabic with identical keys); cue text is page text and is only ever
 * placed with textContent.
 */
import { cueRank, isShown } from './engine/cues/kinds';
import type { FindingWire } from './protocol';

export type Translate = (key: string, substitutions?: string | string[]) => string;
type Cue = FindingWire['cues'][number];

/** A cue's words on one line, without the sentence punctuation the match began with (". Try it free"). */
const clip = (s: string, n = 60) => {
  const flat = s
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:!?،؛]+/, '')
    .trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

/** A link's host, without "www." (null if the text is not an address). */
function hostOf(href: string): string | null {
  try {
    return new URL(href).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * The engine's reasons a disclosure is buried, in the reader's words: "after the "more" fold",
 * "among 14 hashtags" (utils/engine/cues/buried-disclosure.ts).
 */
function buriedReason(detail: string, t: Translate): string {
  const among = /^among (\d+) hashtags$/.exec(detail);
  if (among) return t('buried_hashtags', among[1]);
  return /fold/.test(detail) ? t('buried_fold') : detail;
}

/**
 * What a cue found, in plain words in the reader's language: a link is named by what kind it is
 * and where it goes ("Affiliate link: jasper.ai"), not by the English name of the network's
 * rule, which stays for the command-line audit.
 */
export function describeCue(cue: Cue, t: Translate, author?: string | null): string {
  if (cue.kind === 'prior-partnership' && cue.evidence) return priorLine(cue.evidence, t, author);
  let value = cue.text;
  if (cue.kind === 'affiliate-link' || cue.kind === 'opaque-link')
    value = hostOf(cue.text) ?? cue.detail ?? cue.text;
  else if (cue.kind === 'ai-product' || cue.kind === 'prior-partnership') value = cue.detail ?? cue.text;
  else if (cue.kind === 'buried-disclosure') value = cue.detail ? buriedReason(cue.detail, t) : cue.text;
  return t(`cue_${cue.kind.replace(/-/g, '_')}`, clip(value));
}

/** The day a person saw an earlier post, in the UI's language ("3 Nov", "٣ نوفمبر"). */
export function seenOn(date: number, t: Translate): string {
  const code = t('locale_code');
  try {
    return new Intl.DateTimeFormat(code === 'locale_code' ? undefined : code, {
      day: 'numeric',
      month: 'short',
    }).format(new Date(date));
  } catch {
    return new Date(date).toISOString().slice(0, 10);
  }
}

/**
 * The evidence of a prior partnership in plain words: "On 3 Nov you saw @maya's post labelled
 * “Paid partnership with HeyGen”" / "… disclosing a partnership with HeyGen (“#ad”)".
 */
function priorLine(e: NonNullable<Cue['evidence']>, t: Translate, author?: string | null): string {
  const who = author?.trim() || t('prior_this_author');
  const day = seenOn(e.date, t);
  return e.kind === 'label'
    ? t('cue_prior_partnership_label', [day, clip(who, 40), clip(e.words, 60)])
    : t('cue_prior_partnership_disclosure', [day, clip(who, 40), clip(e.brand, 40), clip(e.words, 30)]);
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
  return finding.cues.filter((c) => isShown(c.kind));
}

const DISCLOSURES = new Set(['platform-label', 'disclosure', 'buried-disclosure']);

const cueValue = (c: Cue) => (c.kind === 'ai-product' ? (c.detail ?? c.text) : c.text).trim().toLowerCase();

/**
 * Everything found, one plain line each, most telling first. An undisclosed item starts with
 * what is missing ("No disclosure found; “#collab” is ambiguous"), since that is the finding.
 * Repeats are dropped: the same words found as a label and as a disclosure, a phrase inside a
 * longer one of the same kind ("Start your" in "Start your free trial"), and AI products are
 * named once, together.
 */
export function cueLines(finding: FindingWire, t: Translate, max = 6): string[] {
  const shown = shownCues(finding);
  const lines: string[] = [];
  // The first ambiguous cue is folded into the opening line; any others keep their own line.
  const folded =
    finding.verdict === 'undisclosed' ? shown.find((c) => c.kind === 'ambiguous-disclosure') : undefined;
  if (finding.verdict === 'undisclosed') {
    lines.push(folded ? t('cue_no_disclosure_ambiguous', clip(folded.text, 40)) : t('cue_no_disclosure'));
  }
  const ordered = shown
    .filter((c) => c !== folded)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => cueRank(a.c.kind) - cueRank(b.c.kind) || a.i - b.i)
    .map(({ c }) => c);
  const kept: Cue[] = [];
  for (const c of ordered) {
    const v = cueValue(c);
    const repeat = kept.some(
      (k) =>
        (k.kind === c.kind && cueValue(k).includes(v)) ||
        (DISCLOSURES.has(k.kind) && DISCLOSURES.has(c.kind) && cueValue(k) === v),
    );
    if (!repeat) kept.push(c);
  }
  const products = [...new Set(kept.filter((c) => c.kind === 'ai-product').map((c) => c.detail ?? c.text))];
  for (const c of kept) {
    if (c.kind === 'ai-product' && c !== kept.find((k) => k.kind === 'ai-product')) continue;
    const line =
      c.kind === 'ai-product'
        ? describeCue({ ...c, detail: products.join(', ') }, t)
        : describeCue(c, t, finding.author);
    if (!lines.includes(line)) lines.push(line);
    if (lines.length >= max) break;
  }
  return lines;
}
