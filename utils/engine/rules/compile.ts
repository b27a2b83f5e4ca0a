/**
 * Turns validated packs into what the detectors run: one regex per rule, keyword hashes for
 * gating, and the AI lexicon as two alternations (Latin and Arabic). Compiled once per process.
 */
import { normalizeText } from '../normalize';
import { compilePatterns, normalizePatternSource, type ScanRegex, UNICODE_BOUNDARY } from '../patterns';
import { hashKeyword, type KeywordIndex } from '../tokens';
import type { Concern } from '../types';
import type { LanguagePack, Lexicon, LexiconEntry, LinkPack, LinkRule, Redirector, TextRule } from './schema';

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

export interface CompiledLexicon {
  /** Matches any alias; group 1 is the alias (Arabic aliases may follow clitic prefixes). */
  res: ScanRegex[];
  byAlias: Map<string, LexiconEntry>;
  gates: number[];
  /** Generic AI words that confirm an ambiguous name. */
  contextRe: ScanRegex[];
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
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const ARABIC = /[\u0600-\u06ff]/;
const B = UNICODE_BOUNDARY;

function addGate(index: KeywordIndex, keyword: string): number {
  const { hash, prefixLength } = hashKeyword(
    normalizeText(keyword.replace(/\*$/, '')) + (keyword.endsWith('*') ? '*' : ''),
  );
  if (prefixLength === null) index.words.add(hash);
  else {
    const set = index.prefixes.get(prefixLength) ?? new Set<number>();
    index.prefixes.set(prefixLength, set);
    set.add(hash);
  }
  return hash;
}

function compileTextRule(rule: TextRule, lang: string, index: KeywordIndex): CompiledTextRule {
  return {
    id: rule.id,
    kind: rule.kind,
    lang,
    weight: rule.weight ?? 1,
    concerns: rule.concerns ?? [],
    sources: rule.sources,
    res: compilePatterns(rule.patterns),
    gates: rule.keywords.map((k) => addGate(index, k)),
  };
}

/**
 * Word alternation for a list of phrases, longest first, with boundaries on both ends. Arabic
 * words also match with their clitic prefixes (و ف ب ل ك ال, and لل for لِـ + ال).
 */
function wordAlternation(words: readonly string[]): ScanRegex[] {
  const list = [...new Set(words.map(normalizeText).filter(Boolean))].sort((a, b) => b.length - a.length);
  const latin = list.filter((w) => !ARABIC.test(w));
  const arabic = [...new Set(list.filter((w) => ARABIC.test(w)).map((w) => w.replace(/^ال(?=..)/, '')))];
  const sources: string[] = [];
  // "brand voice" also matches "brand-voice": spaces and hyphens are interchangeable.
  const phrase = (w: string) => escapeRegex(w).replace(/ /g, '[\\s-]');
  if (latin.length) sources.push(`(?<![\\p{L}\\p{N}_])(?:${latin.map(phrase).join('|')})(?![\\p{L}\\p{N}_])`);
  if (arabic.length) {
    sources.push(
      `(?<![\\p{L}\\p{N}_])(?:[وف]?[بلك]?(?:ال)?|[وف]?لل)(?:${arabic.map(escapeRegex).join('|')})(?![\\p{L}\\p{N}_])`,
    );
  }
  return compilePatterns(sources, true);
}

function compileLexicon(lexicon: Lexicon, index: KeywordIndex): CompiledLexicon {
  const byAlias = new Map<string, LexiconEntry>();
  const latin: string[] = [];
  const arabic: string[] = [];
  const gates = new Set<number>();
  const entryContext = new Map<string, ScanRegex[]>();
  const entryExclude = new Map<string, ScanRegex[]>();
  const arabicExclusions = new Set<string>();
  for (const entry of lexicon.entries) {
    for (const raw of [...entry.aliases, ...entry.ar]) {
      const alias = normalizeText(raw).trim();
      if (!alias || byAlias.has(alias)) continue;
      byAlias.set(alias, entry);
      (ARABIC.test(alias) ? arabic : latin).push(alias);
      // Gate on the alias's longest token.
      const tokens = alias.split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
      const longest = tokens.sort((a, b) => b.length - a.length)[0];
      if (longest) gates.add(addGate(index, longest));
    }
    if (entry.ambiguous && (entry.exclude ?? []).some((w) => ARABIC.test(w))) arabicExclusions.add(entry.id);
    entryContext.set(entry.id, wordAlternation(entry.context ?? []));
    entryExclude.set(entry.id, wordAlternation(entry.exclude ?? []));
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
    res: compilePatterns(parts, true),
    byAlias,
    gates: [...gates],
    contextRe: wordAlternation(lexicon.contextWords ?? []),
    arabicExclusions,
    entryContext,
    entryExclude,
  };
}

/** Compiles a lexicon alone (custom products on top of the bundled ones), adding its gates to `index`. */
export function compileLexiconOnly(lexicon: Lexicon, index: KeywordIndex): CompiledLexicon {
  return compileLexicon(lexicon, index);
}

export function compileRules(
  packs: readonly LanguagePack[],
  links: LinkPack,
  lexicon: Lexicon,
): CompiledRules {
  const keywords: KeywordIndex = { words: new Set(), prefixes: new Map() };
  const labelRules: CompiledTextRule[] = [];
  const compiledPacks = packs.map((pack) => {
    const rules: CompiledTextRule[] = [];
    for (const rule of pack.rules) {
      const compiled = compileTextRule(rule, pack.lang, keywords);
      (rule.kind === 'platform-label' ? labelRules : rules).push(compiled);
    }
    return { lang: pack.lang, stopwords: new Set(pack.stopwords.map(normalizeText)), rules };
  });
  const rx = (s: string | undefined) => (s === undefined ? undefined : new RegExp(s, 'u'));
  return {
    packs: compiledPacks,
    labelRules,
    redirectors: links.redirectors.map(({ examples: _e, ...r }) => ({ ...r, path: rx(r.path) })),
    linkRules: links.rules.map(({ examples: _e, ...r }) => ({
      ...r,
      paramValue: rx(r.paramValue),
      path: rx(r.path),
      hostPattern: rx(r.hostPattern),
    })),
    lexicon: compileLexicon(lexicon, keywords),
    keywords,
  };
}

export { normalizePatternSource };
