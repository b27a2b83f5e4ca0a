/**
 * Every cue kind and what it is, declared once. `CueKind`, the rule packs' kinds, the kinds a
 * person's phrases may take, the option families and the cues explanations show all derive from
 * this table; each kind has exactly one detector (tests/engine/conventions.test.ts checks it).
 * It is plain data with no imports, so the UI and settings read it without the detection code.
 */

export interface CueKindInfo {
  /** The option family that switches the kind off; null: always on. */
  family: 'disclosure' | 'links' | 'codes' | 'pressure' | null;
  /** Explanations list it; false for background signals (the topic, discourse). */
  shown: boolean;
  /** Rule packs may hold text rules of this kind. */
  textRules: boolean;
  /** A person's own phrases may be of this kind. */
  custom: boolean;
}

/** In the order explanations list cues: commercial ties and disclosures before pressure and products. */
export const CUE_KINDS = {
  'platform-label': { family: 'disclosure', shown: true, textRules: true, custom: false },
  disclosure: { family: 'disclosure', shown: true, textRules: true, custom: true },
  'buried-disclosure': { family: 'disclosure', shown: true, textRules: false, custom: false },
  'ambiguous-disclosure': { family: 'disclosure', shown: true, textRules: true, custom: true },
  'negated-disclosure': { family: 'disclosure', shown: true, textRules: true, custom: true },
  'prior-partnership': { family: null, shown: true, textRules: false, custom: false },
  'affiliate-link': { family: 'links', shown: true, textRules: false, custom: false },
  'opaque-link': { family: 'links', shown: true, textRules: false, custom: false },
  'promo-code': { family: 'codes', shown: true, textRules: true, custom: true },
  referral: { family: 'codes', shown: true, textRules: true, custom: true },
  urgency: { family: 'pressure', shown: true, textRules: true, custom: true },
  hype: { family: 'pressure', shown: true, textRules: true, custom: true },
  cta: { family: 'pressure', shown: true, textRules: true, custom: true },
  'ad-style': { family: 'pressure', shown: true, textRules: false, custom: false },
  'ai-product': { family: null, shown: true, textRules: false, custom: false },
  'ai-generic': { family: null, shown: true, textRules: true, custom: false },
  'ai-topic': { family: null, shown: false, textRules: false, custom: false },
  discourse: { family: null, shown: false, textRules: true, custom: true },
  'talk-style': { family: null, shown: false, textRules: false, custom: false },
} as const satisfies Record<string, CueKindInfo>;

export type CueKind = keyof typeof CUE_KINDS;
export type CueFamily = NonNullable<CueKindInfo['family']>;

type Flag = 'shown' | 'textRules' | 'custom';
type KindsWith<F extends Flag> = {
  [K in CueKind]: (typeof CUE_KINDS)[K][F] extends true ? K : never;
}[CueKind];

export const ALL_CUE_KINDS = Object.keys(CUE_KINDS) as [CueKind, ...CueKind[]];

/** The kinds with a flag set, in table order (a non-empty tuple, as `z.enum` wants). */
function kindsWith<F extends Flag>(flag: F): readonly [KindsWith<F>, ...KindsWith<F>[]] {
  return ALL_CUE_KINDS.filter((k) => CUE_KINDS[k][flag]) as unknown as readonly [
    KindsWith<F>,
    ...KindsWith<F>[],
  ];
}

export const TEXT_RULE_KINDS = kindsWith('textRules');
export const CUSTOM_PHRASE_KINDS = kindsWith('custom');
export type CustomPhraseKind = (typeof CUSTOM_PHRASE_KINDS)[number];

export const isShown = (kind: CueKind): boolean => CUE_KINDS[kind].shown;
/** Position in explanations. */
export const cueRank = (kind: CueKind): number => ALL_CUE_KINDS.indexOf(kind);
export const kindsOfFamily = (family: CueFamily): CueKind[] =>
  ALL_CUE_KINDS.filter((k) => CUE_KINDS[k].family === family);
