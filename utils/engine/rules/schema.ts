/**
 * Rule packs are data. These schemas are the contract: the loader validates every pack with them
 * (readable errors, never a crash) and `npm run schema` exports them as JSON Schema for editors.
 */
import * as z from 'zod/mini';
import { TEXT_RULE_KINDS } from '../cues/kinds';
import { CONCERNS } from '../types';

const nonEmpty = z.string().check(z.minLength(1), z.maxLength(500));
const ruleId = z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{1,80}$/, 'lowercase id with dots and dashes'));
const lang = z.string().check(z.regex(/^(?:[a-z]{2,3}|und)$/, 'a language code such as "en" or "ar"'));
const examples = z.strictObject({
  match: z.array(z.string().check(z.maxLength(2000))).check(z.minLength(1), z.maxLength(50)),
  noMatch: z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(50)),
});
/** Keys of the source catalogue in utils/sources.ts (e.g. "ftc-101"), or an https address. */
const sourceRef = z
  .string()
  .check(z.regex(/^(?:[a-z0-9-]+|https:\/\/\S+)$/, 'a source key or https address'));
const concern = z.enum(CONCERNS);

export const TextRuleSchema = z.strictObject({
  id: ruleId,
  kind: z.enum(TEXT_RULE_KINDS),
  description: nonEmpty,
  /** Regex sources; literal characters are normalized like the text, `\b` is Unicode-aware. */
  patterns: z
    .array(z.string().check(z.minLength(1), z.maxLength(400)))
    .check(z.minLength(1), z.maxLength(40)),
  /** Whole-word tokens (any one must occur) that gate the rule, so most text never runs it. */
  keywords: z.array(z.string().check(z.minLength(1), z.maxLength(40))).check(z.minLength(1), z.maxLength(60)),
  /** How much the cue counts toward its kind's score (default 1). */
  weight: z.optional(z.number().check(z.gte(0), z.lte(5))),
  concerns: z.optional(z.array(concern)),
  sources: z.array(sourceRef).check(z.minLength(1)),
  examples,
});
export type TextRule = z.infer<typeof TextRuleSchema>;

export const LanguagePackSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: ruleId,
  lang,
  version: z.number().check(z.int(), z.gte(1)),
  description: nonEmpty,
  /** Frequent function words; their presence selects the pack for text without a language hint. */
  stopwords: z.array(z.string().check(z.minLength(1), z.maxLength(20))).check(z.maxLength(60)),
  rules: z.array(TextRuleSchema).check(z.minLength(1)),
});
export type LanguagePack = z.infer<typeof LanguagePackSchema>;

export const LINK_RULE_KINDS = ['affiliate', 'opaque'] as const;

export const LinkRuleSchema = z.strictObject({
  id: ruleId,
  kind: z.enum(LINK_RULE_KINDS),
  /** Who runs the program, in plain words ("FirstPromoter referral", "Amazon Associates"). */
  name: nonEmpty,
  description: nonEmpty,
  /** Host suffixes (`sjv.io` matches `jasper.sjv.io`); empty means any host. */
  hosts: z.array(z.string().check(z.regex(/^[a-z0-9.-]+$/))),
  /** Query parameters, any of which marks the link (e.g. `fpr`). */
  params: z.optional(z.array(z.string().check(z.regex(/^[A-Za-z0-9_-]+$/)))),
  /** Regex the parameter value must match, when `params` are given (e.g. Amazon tags end in -20). */
  paramValue: z.optional(z.string().check(z.maxLength(200))),
  /** Regex on the path. */
  path: z.optional(z.string().check(z.maxLength(200))),
  /** Regex on the host, for shapes like try.<brand>.com. */
  hostPattern: z.optional(z.string().check(z.maxLength(200))),
  sources: z.array(sourceRef).check(z.minLength(1)),
  examples,
});
export type LinkRule = z.infer<typeof LinkRuleSchema>;

export const RedirectorSchema = z.strictObject({
  id: ruleId,
  description: nonEmpty,
  /** Host suffix of the redirector. */
  host: z.string().check(z.regex(/^[a-z0-9.-]+$/)),
  /** Regex on the path; omitted means any path. */
  path: z.optional(z.string().check(z.maxLength(200))),
  /** Query parameter holding the encoded target; omitted means the target is the anchor's visible text. */
  param: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]+$/))),
  sources: z.array(sourceRef).check(z.minLength(1)),
  examples: z.strictObject({
    /** Pairs: [href, visible text, expected target]. */
    unwrap: z.array(z.tuple([z.string(), z.string(), z.string()])).check(z.minLength(1)),
  }),
});
export type Redirector = z.infer<typeof RedirectorSchema>;

export const LinkPackSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: ruleId,
  version: z.number().check(z.int(), z.gte(1)),
  description: nonEmpty,
  redirectors: z.array(RedirectorSchema),
  rules: z.array(LinkRuleSchema).check(z.minLength(1)),
});
export type LinkPack = z.infer<typeof LinkPackSchema>;

export const LexiconEntrySchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{0,60}$/)),
  name: nonEmpty,
  kind: z.enum(['product', 'model', 'company']),
  vendor: z.string().check(z.maxLength(100)),
  aliases: z.array(z.string().check(z.minLength(1), z.maxLength(60))).check(z.minLength(1)),
  ar: z.array(z.string().check(z.minLength(1), z.maxLength(60))),
  ambiguous: z.boolean(),
  /**
   * Ordinary software that is in the lexicon only for its AI offer (Canva, Notion, Zapier): being
   * used, or sold with a code, does not make it AI; only AI words do.
   */
  generalSoftware: z.optional(z.boolean()),
  context: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(60)))),
  exclude: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(60)))),
  examples,
});
export type LexiconEntry = z.infer<typeof LexiconEntrySchema>;

export const LexiconSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: ruleId,
  version: z.number().check(z.int(), z.gte(1)),
  description: nonEmpty,
  criteria: nonEmpty,
  /** Generic words that confirm an AI sense for ambiguous names ("AI", "chatbot", "ذكاء اصطناعي"). */
  contextWords: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(60)))),
  /**
   * Words that show an ambiguous name used as software: right before it ("I use", "أستخدم") or
   * right after it ("writes my", "for coding", "للبرمجة"). A painter or a star sign is not used so.
   */
  useWords: z.optional(
    z.strictObject({
      before: z.array(z.string().check(z.minLength(1), z.maxLength(60))),
      after: z.array(z.string().check(z.minLength(1), z.maxLength(60))),
    }),
  ),
  entries: z.array(LexiconEntrySchema).check(z.minLength(1)),
});
export type Lexicon = z.infer<typeof LexiconSchema>;

/**
 * The ad-likeness model (utils/engine/style.ts): a logistic model's weights, by feature, learned
 * from the corpus's tuning part by tests/tools/train-style.ts. How it was trained is recorded
 * beside the weights, and the examples document what it reads as an advertisement and what not.
 */
export const StyleModelSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: ruleId,
  version: z.number().check(z.int(), z.gte(1)),
  description: nonEmpty,
  sources: z.array(sourceRef).check(z.minLength(1)),
  training: z.strictObject({
    /** The corpus part the weights come from: only ever the tuning part. */
    split: z.literal('tune'),
    posts: z.number().check(z.int(), z.gte(1)),
    advertisements: z.number().check(z.int(), z.gte(1)),
    /** Features kept: those of at least this many training posts. */
    minPosts: z.number().check(z.int(), z.gte(1)),
    epochs: z.number().check(z.int(), z.gte(1)),
    l2: z.number().check(z.gte(0)),
    rate: z.number().check(z.gt(0)),
  }),
  threshold: z.number().check(z.gt(0), z.lt(1)),
  /** The score under which a post the rules flag reads as talk about the topic, not as an ad. */
  talkThreshold: z.number().check(z.gt(0), z.lt(1)),
  bias: z.number().check(z.gte(-50), z.lte(50)),
  weights: z.record(
    z.string().check(z.minLength(1), z.maxLength(200)),
    z.number().check(z.gte(-50), z.lte(50)),
  ),
  examples,
});
export type StyleModelPack = z.infer<typeof StyleModelSchema>;
