/**
 * From cues to a verdict. Reads only the roles detectors declare — never a cue's name — so a new
 * detector changes verdicts by declaring its role.
 */
import { DETECTOR_BY_KIND } from './cues/registry';
import { type Concern, type Cue, FLAGGED, type Topic, type Verdict } from './types';

export interface Decision {
  verdict: Verdict;
  topic: Topic | null;
  confidence: number;
  concerns: Concern[];
}

/** Discourse weight from which disclosure words and partner phrasing read as talk *about* them. */
const DISCOURSE_DOMINATES = 2;
/** Discourse weight from which even quoted codes and referral phrases read as talk about them. */
const DISCOURSE_OVERRIDES_TEXT_TIES = 3;
/** Promotional pressure needed for `promotion` without a tie (one cue suffices for a named AI product with no discourse). */
const PROMOTION_THRESHOLD = 2;

const overlaps = (a: Cue, b: Cue) =>
  a.start !== undefined && b.start !== undefined && a.start < b.end! && b.start < a.end!;
/** Whether `inner` lies wholly inside `outer`. */
const within = (inner: Cue, outer: Cue) =>
  inner.start !== undefined &&
  outer.start !== undefined &&
  outer.start <= inner.start &&
  inner.end! <= outer.end!;

/** The negations among cues ("not sponsored", "no promo code", "not made by ChatGPT"). */
export const negationsOf = (cues: readonly Cue[]): Cue[] =>
  cues.filter((c) => DETECTOR_BY_KIND.get(c.kind)?.role.disclosure === 'negated');

/**
 * Whether a negation wholly covers the cue: the words name it only to deny it ("no promo code",
 * "not made by ChatGPT"); one that merely touches it ("Without promo code LUNA20 it costs $20") does not.
 */
export const deniedBy = (negations: readonly Cue[], cue: Cue): boolean =>
  negations.some((n) => within(cue, n));

/**
 * Drops disclosures a negation covers ("not sponsored"), ties it denies ("no promo code", "kein
 * Rabattcode": words that name a tie only to say there is none), AI named only to say it was not
 * used ("not made by ChatGPT") and ambiguous phrases a clear disclosure covers. A link is never
 * denied: it is there.
 */
export function resolveOverlaps(cues: Cue[]): Cue[] {
  const negations = negationsOf(cues);
  const clears = cues.filter((c) => DETECTOR_BY_KIND.get(c.kind)?.role.disclosure === 'clear');
  return cues.filter((c) => {
    const role = DETECTOR_BY_KIND.get(c.kind)?.role;
    const r = role?.disclosure;
    if ((role?.tie ?? 0) > 0 && r === undefined && deniedBy(negations, c)) return false;
    if ((role?.ai || role?.aiContext) && deniedBy(negations, c)) return false;
    if (r === 'clear') return !negations.some((n) => overlaps(n, c));
    if (r === 'ambiguous')
      return !clears.some((d) => overlaps(d, c)) && !negations.some((n) => overlaps(n, c));
    return true;
  });
}

const round = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;

export function decide(cues: readonly Cue[]): Decision {
  let hardTie = 0;
  let linkTie = 0;
  let softTie = 0;
  let promo = 0;
  let discourse = 0;
  let ai = false;
  let aiContext = false;
  let clear = false;
  let label = false;
  let buried = false;
  let ambiguous = false;
  const tieByRule = new Map<string, number>();
  for (const cue of cues) {
    const role = DETECTOR_BY_KIND.get(cue.kind)?.role;
    if (!role) continue;
    const w = cue.weight ?? 1;
    if (role.ai) ai = true;
    if (role.aiContext) aiContext = true;
    // Quoted words are talked about, not said: "«use code X» is a violation", a parody's quoted hype.
    if (cue.quoted && !role.ai && !role.aiContext) {
      // A discourse word inside quotes is a name or a title («بيان 2»), not talk about the topic.
      if (!role.discourse) discourse += 1;
      continue;
    }
    if (role.tie) {
      // A rule counts once toward a tie: "link in bio" said twice is still half a tie.
      const t = role.tie * w;
      const before = tieByRule.get(cue.rule) ?? 0;
      if (t > before) {
        tieByRule.set(cue.rule, t);
        const add = t - before;
        if (role.disclosure === 'ambiguous') softTie += add;
        else hardTie += add;
        if (role.linkTie) linkTie += add;
      }
    }
    promo += (role.promo ?? 0) * w;
    discourse += (role.discourse ?? 0) * w;
    if (role.disclosure === 'clear') clear = true;
    if (role.disclosure === 'label') label = true;
    if (role.disclosure === 'buried') buried = true;
    if (role.disclosure === 'ambiguous') ambiguous = true;
  }
  const talksAbout = discourse >= DISCOURSE_DOMINATES;
  // An explainer or news story full of quoted codes and phrases is about them; a link is not quotable.
  if (discourse >= DISCOURSE_OVERRIDES_TEXT_TIES && linkTie < 1 && !label) {
    hardTie = 0;
    softTie = 0;
    clear = false;
  }
  const topic: Topic = ai || aiContext ? 'ai' : 'other';
  const promoted = promo >= PROMOTION_THRESHOLD || (promo >= 1 && ai && discourse === 0);

  let verdict: Verdict;
  let confidence: number;
  if (label) {
    verdict = 'sponsored';
    confidence = 0.95;
  } else if (hardTie >= 1 || (softTie >= 1 && !talksAbout) || (hardTie > 0 && softTie > 0)) {
    verdict = clear ? 'sponsored' : 'undisclosed';
    if (clear) confidence = buried ? 0.75 : 0.85;
    else confidence = hardTie >= 1 ? 0.7 + 0.05 * Math.min(4, promo) : 0.6 + 0.05 * Math.min(3, promo);
  } else if (clear && !talksAbout) {
    verdict = 'sponsored';
    confidence = buried ? 0.7 : 0.8;
  } else if (promoted && discourse < promo) {
    verdict = 'promotion';
    confidence = 0.4 + 0.08 * Math.min(5, promo) - 0.1 * discourse;
  } else if (ai) {
    verdict = 'mention';
    confidence = 0.7;
  } else {
    verdict = 'none';
    confidence = 0.9;
  }
  if (verdict !== 'none' && verdict !== 'mention') confidence += ai ? 0.05 : 0;

  const concerns = new Set<Concern>();
  if (verdict === 'promotion' || verdict === 'sponsored' || verdict === 'undisclosed') {
    if (verdict === 'undisclosed') concerns.add('undisclosed-endorsement');
    if (ambiguous || buried) concerns.add('ambiguous-or-buried-disclosure');
    for (const cue of cues) {
      for (const c of DETECTOR_BY_KIND.get(cue.kind)?.concerns ?? []) concerns.add(c);
      for (const c of cue.concerns ?? []) concerns.add(c);
    }
  }
  return {
    verdict,
    topic: verdict === 'none' ? null : topic,
    confidence: round(confidence),
    concerns: [...concerns],
  };
}

/**
 * Whether adding `cue` to `cues` changes whether the post is flagged: the question a cue read
 * only where it decides the verdict (the ad-likeness cues) asks before doing its work.
 */
export function decidesFlag(cues: readonly Cue[], cue: Cue): boolean {
  return FLAGGED.has(decide(cues).verdict) !== FLAGGED.has(decide([...cues, cue]).verdict);
}
