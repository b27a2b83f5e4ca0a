/**
 * A person's own rules (phrases, products and brands, link patterns), compiled on top of the
 * bundled packs. Phrases are matched literally (escaped), never as regexes from user input.
 */

import { hasArabic } from './arabic';
import type { CustomPhraseKind } from './cues/kinds';
import { normalizeText } from './normalize';
import { compilePatterns, escapeRegex } from './patterns';
import type { CompiledLexicon, CompiledRules, CompiledTextRule } from './rules/compile';
import { instantiateLexicon, prepareLexicon } from './rules/compile';
import type { LexiconEntry } from './rules/schema';
import { hashKeyword, type KeywordIndex } from './tokens';

export interface CustomRules {
  phrases: { kind: CustomPhraseKind; phrase: string }[];
  products: { name: string; aliases: string[] }[];
  links: { name: string; host: string; param?: string | undefined }[];
}

export const EMPTY_CUSTOM_RULES: CustomRules = { phrases: [], products: [], links: [] };

function tokensOf(s: string): string[] {
  return normalizeText(s)
    .split(/[^\p{L}\p{N}_#]+/u)
    .filter(Boolean);
}

function cloneIndex(index: KeywordIndex): KeywordIndex {
  return {
    words: new Set(index.words),
    prefixes: new Map([...index.prefixes].map(([k, v]) => [k, new Set(v)])),
    suffixes: new Map([...index.suffixes].map(([k, v]) => [k, new Set(v)])),
  };
}

/**
 * The bundled lexicon plus a person's products, compiled alone and run after it: a name the
 * bundled lexicon knows stays its entry.
 */
function mergeLexicon(base: CompiledLexicon, extra: CompiledLexicon): CompiledLexicon {
  const union = <K, V>(a: Map<K, V>, b: Map<K, V>) => new Map([...a, ...b]);
  return {
    res: [...base.res, ...extra.res],
    byAlias: new Map([...extra.byAlias, ...base.byAlias]),
    gates: [...base.gates, ...extra.gates],
    contextRe: base.contextRe,
    contextGates: base.contextGates,
    useBefore: base.useBefore,
    useAfter: base.useAfter,
    arabicExclusions: new Set([...base.arabicExclusions, ...extra.arabicExclusions]),
    entryContext: union(base.entryContext, extra.entryContext),
    entryExclude: union(base.entryExclude, extra.entryExclude),
  };
}

/** The bundled rules plus the person's own. Returns `base` itself when there are none. */
export function withCustomRules(base: CompiledRules, custom: CustomRules): CompiledRules {
  if (custom.phrases.length === 0 && custom.products.length === 0 && custom.links.length === 0) return base;
  const keywords = cloneIndex(base.keywords);
  const rules: CompiledTextRule[] = custom.phrases.flatMap((p, i) => {
    const tokens = tokensOf(p.phrase);
    if (tokens.length === 0) return [];
    const gates = tokens.map((t) => {
      const { hash } = hashKeyword(t);
      keywords.words.add(hash);
      return hash;
    });
    const body = normalizeText(p.phrase).trim().split(/\s+/).map(escapeRegex).join('\\s{1,3}');
    return [
      {
        id: `custom.${p.kind}.${i}`,
        kind: p.kind,
        lang: 'und',
        weight: 1,
        concerns: [],
        sources: [],
        res: compilePatterns([`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`], true),
        gates,
      },
    ];
  });
  const entries: LexiconEntry[] = custom.products.map((p, i) => ({
    id: `custom-${i}`,
    name: p.name,
    kind: 'product',
    vendor: '',
    aliases: [p.name, ...p.aliases].filter((a) => !hasArabic(a)),
    ar: [p.name, ...p.aliases].filter((a) => hasArabic(a)),
    ambiguous: false,
    examples: { match: [p.name], noMatch: [] },
  }));
  return {
    ...base,
    packs: rules.length ? [...base.packs, { lang: 'und', stopwords: new Set(), rules }] : base.packs,
    linkRules: [
      ...base.linkRules,
      ...custom.links.map((l, i) => ({
        id: `custom.link.${i}`,
        kind: 'affiliate' as const,
        name: l.name,
        description: 'Your own link rule',
        hosts: [l.host.toLowerCase().replace(/^www\./, '')],
        ...(l.param ? { params: [l.param] } : {}),
        sources: [],
      })),
    ],
    lexicon: entries.length
      ? mergeLexicon(
          base.lexicon,
          instantiateLexicon(prepareLexicon(entries, [], base.lexicon.byAlias), keywords),
        )
      : base.lexicon,
    keywords,
  };
}
