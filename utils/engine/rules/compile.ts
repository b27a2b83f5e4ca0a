/**
 * Turns validated packs into what the detectors run: one regex per rule, keyword hashes for
 * gating, and the AI lexicon as two alternations (Latin and Arabic).
 *
 * Two steps. `prepareRules` does the work (normalizing pattern sources and words, hashing
 * keywords, building alternations) and returns plain data; `instantiateRules` only constructs
 * regexes, sets and maps from it. The extension build runs the first step once
 * (modules/prepared-rules.ts), so a page pays for the second alone; the CLI and the tests run
 * both, through the same code.
 */

import { hasArabic } from '../arabic';
import { normalizeText } from '../normalize';
import {
  escapeRegex,
  instantiatePatterns,
  normalizePatternSource,
  type PreparedRegex,
  preparePatterns,
  type ScanRegex,
  UNICODE_BOUNDARY,
} from '../patterns';
import type { StyleModel } from '../style';
import { hashKeyword, type KeywordIndex } from '../tokens';
import type { Concern } from '../types';
import type {
  LanguagePack,
  Lexicon,
  LexiconEntry,
  LinkPack,
  LinkRule,
  Redirector,
  StyleModelPack,
  TextRule,
} from './schema';

export interface CompiledTextRule {
  id: string;
  kind: TextRule['kind'];
  lang: string;
  weight: number;
  concerns: Concern[];
  sources: string[];
  res: ScanRegex[];
  /** Keyword hashes; the rule runs when any is present. */
  gates: number[];
}

export interface CompiledPack {
  lang: string;
  stopwords: Set<string>;
  rules: CompiledTextRule[];
}

export interface CompiledLinkRule extends Omit<LinkRule, 'paramValue' | 'path' | 'hostPattern' | 'examples'> {
  paramValue?: RegExp;
  path?: RegExp;
  hostPattern?: RegExp;
}

export interface CompiledRedirector extends Omit<Redirector, 'path' | 'examples'> {
  path?: RegExp;
}

/** What a detector needs of a lexicon entry. */
export type LexiconRef = Pick<
  LexiconEntry,
  'id' | 'name' | 'kind' | 'vendor' | 'ambiguous' | 'generalSoftware'
>;

export interface CompiledLexicon {
  /** Matches any alias; group 1 is the alias (Arabic aliases may follow clitic prefixes). */
  res: ScanRegex[];
  byAlias: Map<string, LexiconRef>;
  gates: number[];
  /** Generic AI words that confirm an ambiguous name. */
  contextRe: ScanRegex[];
  /** Keyword hashes of the generic AI words: `contextRe` can match only when one is present. */
  contextGates: number[];
  /** Words just before / just after an ambiguous name that show it used as software. */
  useBefore: ScanRegex[];
  useAfter: ScanRegex[];
  /** Ids of ambiguous entries whose exclusions include Arabic words. */
  arabicExclusions: Set<string>;
  entryContext: Map<string, ScanRegex[]>;
  entryExclude: Map<string, ScanRegex[]>;
}

export interface CompiledRules {
  packs: CompiledPack[];
  /** Rules of kind platform-label from every pack, run on the adapter's labels. */
  labelRules: CompiledTextRule[];
  redirectors: CompiledRedirector[];
  linkRules: CompiledLinkRule[];
  lexicon: CompiledLexicon;
  keywords: KeywordIndex;
  /** The ad-likeness model (utils/engine/style.ts); null: none. */
  style: StyleModel | null;
}

// ---- The prepared form: JSON data, no RegExp, Set or Map. ----

export interface PreparedTextRule extends Omit<CompiledTextRule, 'res' | 'gates'> {
  res: PreparedRegex[];
  /** Normalized keywords (`*` marks a prefix), hashed when instantiated. */
  gates: string[];
}

export interface PreparedLexicon {
  res: PreparedRegex[];
  entries: LexiconRef[];
  /** Normalized alias → index in `entries`. */
  aliases: [string, number][];
  gates: string[];
  contextRe: PreparedRegex[];
  contextGates: string[];
  useBefore: PreparedRegex[];
  useAfter: PreparedRegex[];
  arabicExclusions: string[];
  /** Only entries that have any. */
  entryContext: [string, PreparedRegex[]][];
  entryExclude: [string, PreparedRegex[]][];
}

export interface PreparedRules {
  packs: { lang: string; stopwords: string[]; rules: PreparedTextRule[] }[];
  labelRules: PreparedTextRule[];
  redirectors: Omit<Redirector, 'examples'>[];
  linkRules: Omit<LinkRule, 'examples'>[];
  lexicon: PreparedLexicon;
  /** The ad-likeness model; null: none (rules compiled from packs alone). */
  style: Pick<StyleModelPack, 'id' | 'bias' | 'threshold' | 'talkThreshold' | 'weights' | 'sources'> | null;
}

const B = UNICODE_BOUNDARY;

const emptyKeywordIndex = (): KeywordIndex => ({
  words: new Set(),
  prefixes: new Map(),
  suffixes: new Map(),
});

/** A rule keyword as the text it gates on reads it: normalized, `*` kept (`sponsor*` a prefix, `*partner` a suffix). */
const gateKey = (keyword: string) => {
  const suffix = keyword.startsWith('*') && !keyword.endsWith('*');
  const word = normalizeText(keyword.replace(/^\*|\*$/g, ''));
  return suffix ? `*${word}` : word + (keyword.endsWith('*') ? '*' : '');
};

/** Adds a prepared keyword to the index; returns its hash. */
function addGate(index: KeywordIndex, key: string): number {
  const { hash, prefixLength, suffixLength } = hashKeyword(key);
  const length = prefixLength ?? suffixLength;
  if (length === null) index.words.add(hash);
  else {
    const map = prefixLength !== null ? index.prefixes : index.suffixes;
    const set = map.get(length) ?? new Set<number>();
    map.set(length, set);
    set.add(hash);
  }
  return hash;
}

function prepareTextRule(rule: TextRule, lang: string): PreparedTextRule {
  return {
    id: rule.id,
    kind: rule.kind,
    lang,
    weight: rule.weight ?? 1,
    concerns: rule.concerns ?? [],
    sources: rule.sources,
    res: preparePatterns(rule.patterns),
    gates: [...new Set(rule.keywords.map(gateKey))],
  };
}

/**
 * Word alternation for a list of phrases, longest first, with boundaries on both ends. Arabic
 * words also match with their clitic prefixes (و ف ب ل ك ال, and لل for لِـ + ال).
 */
function wordAlternation(words: readonly string[]): PreparedRegex[] {
  const list = [...new Set(words.map(normalizeText).filter(Boolean))].sort((a, b) => b.length - a.length);
  const latin = list.filter((w) => !hasArabic(w));
  const arabic = [...new Set(list.filter((w) => hasArabic(w)).map((w) => w.replace(/^ال(?=..)/, '')))];
  const sources: string[] = [];
  // "brand voice" also matches "brand-voice": spaces and hyphens are interchangeable.
  const phrase = (w: string) => escapeRegex(w).replace(/ /g, '[\\s-]');
  if (latin.length) sources.push(`(?<![\\p{L}\\p{N}_])(?:${latin.map(phrase).join('|')})(?![\\p{L}\\p{N}_])`);
  if (arabic.length) {
    sources.push(
      `(?<![\\p{L}\\p{N}_])(?:[وف]?[بلك]?(?:ال)?|[وف]?لل)(?:${arabic.map(escapeRegex).join('|')})(?![\\p{L}\\p{N}_])`,
    );
  }
  return preparePatterns(sources, true);
}

/**
 * Keywords for a word alternation (`wordAlternation`): each phrase's longest token, as the
 * alternation spells the phrase. A phrase is bounded by non-word characters and its tokens by
 * spaces, hyphens or punctuation, so the token occurs as a whole word (an Arabic one perhaps
 * behind clitics, which keyword gating strips) wherever the phrase matches.
 */
function alternationGates(words: readonly string[]): string[] {
  const gates = new Set<string>();
  for (const raw of words) {
    const w = normalizeText(raw);
    if (!w) continue;
    const phrase = hasArabic(w) ? w.replace(/^ال(?=..)/, '') : w;
    const longest = phrase
      .split(/[^\p{L}\p{N}_]+/u)
      .filter(Boolean)
      .sort((a, b) => b.length - a.length)[0];
    if (longest) gates.add(longest);
  }
  return [...gates];
}

/**
 * Prepares lexicon entries. Aliases already in `taken` (the
 * bundled lexicon, when these are a person's own products) are left to it.
 */
export function prepareLexicon(
  entries: readonly LexiconEntry[],
  contextWords: readonly string[],
  taken: ReadonlyMap<string, unknown> = new Map(),
  useWords: { before: readonly string[]; after: readonly string[] } = { before: [], after: [] },
): PreparedLexicon {
  const refs: LexiconRef[] = [];
  const aliases: [string, number][] = [];
  const seen = new Set<string>(taken.keys());
  const latin: string[] = [];
  const arabic: string[] = [];
  const gates = new Set<string>();
  const entryContext: [string, PreparedRegex[]][] = [];
  const entryExclude: [string, PreparedRegex[]][] = [];
  const arabicExclusions: string[] = [];
  for (const entry of entries) {
    const at = refs.push({
      id: entry.id,
      name: entry.name,
      kind: entry.kind,
      vendor: entry.vendor,
      ambiguous: entry.ambiguous,
      ...(entry.generalSoftware ? { generalSoftware: true } : {}),
    });
    for (const raw of [...entry.aliases, ...entry.ar]) {
      const alias = normalizeText(raw).trim();
      if (!alias || seen.has(alias)) continue;
      seen.add(alias);
      aliases.push([alias, at - 1]);
      (hasArabic(alias) ? arabic : latin).push(alias);
      // Gate on the alias's longest token.
      const tokens = alias.split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
      const longest = tokens.sort((a, b) => b.length - a.length)[0];
      if (longest) gates.add(longest);
    }
    if (entry.ambiguous && (entry.exclude ?? []).some((w) => hasArabic(w))) arabicExclusions.push(entry.id);
    const context = wordAlternation(entry.context ?? []);
    const exclude = wordAlternation(entry.exclude ?? []);
    if (context.length) entryContext.push([entry.id, context]);
    if (exclude.length) entryExclude.push([entry.id, exclude]);
  }
  const alt = (list: string[]) =>
    list
      .sort((a, b) => b.length - a.length)
      .map(escapeRegex)
      .join('|');
  const parts: string[] = [];
  // A Latin name may follow an Arabic clitic glued to it ("وClaude", "الـChatGPT"): only a Latin
  // letter or a digit before it blocks the match.
  if (latin.length) parts.push(`(?<![\\p{Script=Latin}\\p{N}_])(${alt(latin)})${B}`);
  // Arabic names may carry clitic prefixes (و ف, then ب ل ك, then ال) glued to them.
  if (arabic.length) parts.push(`(?<![\\p{L}\\p{N}_])(?:[وف]?[بلك]?(?:ال)?)(${alt(arabic)})${B}`);
  return {
    // Two regexes (Latin, Arabic): each names its alias in group 1.
    res: preparePatterns(parts, true),
    entries: refs,
    aliases,
    gates: [...gates],
    contextRe: wordAlternation(contextWords),
    contextGates: alternationGates(contextWords),
    useBefore: wordAlternation(useWords.before),
    useAfter: wordAlternation(useWords.after),
    arabicExclusions,
    entryContext,
    entryExclude,
  };
}

/** Constructs a prepared lexicon, adding its gates to `index`. */
export function instantiateLexicon(p: PreparedLexicon, index: KeywordIndex): CompiledLexicon {
  return {
    res: instantiatePatterns(p.res),
    byAlias: new Map(p.aliases.map(([alias, i]) => [alias, p.entries[i]!])),
    gates: p.gates.map((k) => addGate(index, k)),
    contextRe: instantiatePatterns(p.contextRe),
    contextGates: p.contextGates.map((k) => addGate(index, k)),
    useBefore: instantiatePatterns(p.useBefore),
    useAfter: instantiatePatterns(p.useAfter),
    arabicExclusions: new Set(p.arabicExclusions),
    entryContext: new Map(p.entryContext.map(([id, res]) => [id, instantiatePatterns(res)])),
    entryExclude: new Map(p.entryExclude.map(([id, res]) => [id, instantiatePatterns(res)])),
  };
}

export function prepareRules(
  packs: readonly LanguagePack[],
  links: LinkPack,
  lexicon: Pick<Lexicon, 'entries' | 'contextWords' | 'useWords'>,
  style: StyleModelPack | null = null,
): PreparedRules {
  const labelRules: PreparedTextRule[] = [];
  const prepared = packs.map((pack) => {
    const rules: PreparedTextRule[] = [];
    for (const rule of pack.rules) {
      (rule.kind === 'platform-label' ? labelRules : rules).push(prepareTextRule(rule, pack.lang));
    }
    return { lang: pack.lang, stopwords: [...new Set(pack.stopwords.map(normalizeText))], rules };
  });
  const lex = prepareLexicon(lexicon.entries, lexicon.contextWords ?? [], new Map(), lexicon.useWords);
  return {
    packs: prepared,
    labelRules,
    redirectors: links.redirectors.map(({ examples: _e, ...r }) => r),
    linkRules: links.rules.map(({ examples: _e, ...r }) => r),
    lexicon: lex,
    style: style && {
      id: style.id,
      bias: style.bias,
      threshold: style.threshold,
      talkThreshold: style.talkThreshold,
      weights: style.weights,
      sources: style.sources,
    },
  };
}

const rx = (s: string | undefined) => (s === undefined ? undefined : new RegExp(s, 'u'));

export function instantiateRules(p: PreparedRules): CompiledRules {
  const keywords = emptyKeywordIndex();
  // A rule's regexes are built the first time its keywords let it run: on most pages most rules
  // never do (measured: ~25 ms of a page's start-up in Chromium when all were built at once).
  const textRule = (r: PreparedTextRule): CompiledTextRule => {
    let res: ScanRegex[] | undefined;
    return {
      id: r.id,
      kind: r.kind,
      lang: r.lang,
      weight: r.weight,
      concerns: r.concerns,
      sources: r.sources,
      gates: r.gates.map((k) => addGate(keywords, k)),
      get res() {
        res ??= instantiatePatterns(r.res);
        return res;
      },
    };
  };
  return {
    packs: p.packs.map((pack) => ({
      lang: pack.lang,
      stopwords: new Set(pack.stopwords),
      rules: pack.rules.map(textRule),
    })),
    labelRules: p.labelRules.map(textRule),
    redirectors: p.redirectors.map((r) => ({ ...r, path: rx(r.path) })),
    linkRules: p.linkRules.map((r) => ({
      ...r,
      paramValue: rx(r.paramValue),
      path: rx(r.path),
      hostPattern: rx(r.hostPattern),
    })),
    lexicon: instantiateLexicon(p.lexicon, keywords),
    keywords,
    style: p.style && {
      ...p.style,
      weights: new Map(Object.entries(p.style.weights)),
    },
  };
}

export function compileRules(
  packs: readonly LanguagePack[],
  links: LinkPack,
  lexicon: Pick<Lexicon, 'entries' | 'contextWords' | 'useWords'>,
  style: StyleModelPack | null = null,
): CompiledRules {
  return instantiateRules(prepareRules(packs, links, lexicon, style));
}

export { normalizePatternSource };

/** Every text rule of the packs, in pack and rule order, under each keyword hash that lets it run. */
interface GateIndex {
  byGate: Map<number, number[]>;
  rules: { rule: CompiledTextRule; lang: string }[];
  /** The call that last picked each rule (see activeRules). */
  stamps: Uint32Array;
  generation: number;
}
const gateIndexes = new WeakMap<readonly CompiledPack[], GateIndex>();

function gateIndex(packs: readonly CompiledPack[]): GateIndex {
  let index = gateIndexes.get(packs);
  if (index) return index;
  index = { byGate: new Map(), rules: [], stamps: new Uint32Array(0), generation: 0 };
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const at = index.rules.push({ rule, lang: pack.lang }) - 1;
      for (const g of new Set(rule.gates)) {
        const list = index.byGate.get(g);
        if (list) list.push(at);
        else index.byGate.set(g, [at]);
      }
    }
  }
  index.stamps = new Uint32Array(index.rules.length);
  gateIndexes.set(packs, index);
  return index;
}

/**
 * The text rules an item runs: those of its languages whose keywords occur in it, found from the
 * keywords present (one lookup each) rather than by testing every rule; grouped by kind, in pack
 * and rule order. `all` runs every rule of the languages (the reference the tests compare with).
 */
export function activeRules(
  rules: CompiledRules,
  present: ReadonlySet<number>,
  langs: ReadonlySet<string>,
  all = false,
): Map<TextRule['kind'], CompiledTextRule[]> {
  const index = gateIndex(rules.packs);
  let picked: number[];
  if (all) picked = index.rules.map((_, i) => i);
  else {
    // Each rule once, in pack and rule order: stamped per call instead of collected in a set.
    if (index.generation >= 0xffffffff) {
      index.stamps.fill(0);
      index.generation = 0;
    }
    const stamp = ++index.generation;
    picked = [];
    for (const h of present) {
      const list = index.byGate.get(h);
      if (!list) continue;
      for (const i of list) {
        if (index.stamps[i] === stamp) continue;
        index.stamps[i] = stamp;
        picked.push(i);
      }
    }
    picked.sort((a, b) => a - b);
  }
  const byKind = new Map<TextRule['kind'], CompiledTextRule[]>();
  for (const i of picked) {
    const { rule, lang } = index.rules[i]!;
    // An Arabic post's disclosures are read in every language: it code-switches to say them
    // ("#sponsorisé" in a Darija caption). Elsewhere a pack's words stay in its language ("#pub" is
    // a bar in English).
    if (!langs.has(lang) && !(rule.kind === 'disclosure' && langs.has('ar'))) continue;
    const list = byKind.get(rule.kind);
    if (list) list.push(rule);
    else byKind.set(rule.kind, [rule]);
  }
  return byKind;
}
