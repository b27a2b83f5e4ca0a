/** The engine's entry points: one item in, one finding out; a page of items, one page verdict. */

import { hasArabic } from './arabic';
import type { DetectContext } from './cues/detector';
import { DETECTORS } from './cues/registry';
import { linksInText, resolveLink } from './links';
import { normalize } from './normalize';
import { activeRules, type CompiledRules } from './rules/compile';
import { FNV_OFFSET, FNV_PRIME, fnv1a, presentKeywords, unitTest } from './tokens';
import type { Cue, CueKind, Finding, ItemInput, Topic, Verdict } from './types';
import { MAX_ITEM_TEXT, SEVERITY } from './types';
import { decide, resolveOverlaps } from './verdict';

const MAX_LINKS = 60;
const EXCERPT = 280;

/**
 * Each pack's function words, by the FNV-1a hash of the word (built once per rules): the words of
 * a post are hashed as they are scanned, and only a hash that is a function word's is compared.
 */
interface StopwordIndex {
  byHash: Map<number, { word: string; packs: string[] }[]>;
  longest: number;
}
const stopwordIndexes = new WeakMap<CompiledRules, StopwordIndex>();
function stopwordIndex(rules: CompiledRules): StopwordIndex {
  let index = stopwordIndexes.get(rules);
  if (!index) {
    const byWord = new Map<string, string[]>();
    for (const pack of rules.packs)
      for (const w of pack.stopwords) byWord.set(w, [...(byWord.get(w) ?? []), pack.lang]);
    const byHash = new Map<number, { word: string; packs: string[] }[]>();
    for (const [word, packs] of byWord) {
      const h = fnv1a(word);
      byHash.set(h, [...(byHash.get(h) ?? []), { word, packs }]);
    }
    index = { byHash, longest: Math.max(0, ...[...byWord.keys()].map((w) => w.length)) };
    stopwordIndexes.set(rules, index);
  }
  return index;
}

/** Whether a UTF-16 unit is a letter (\p{L}). */
const isLetter = unitTest(/\p{L}/u);

function selectLanguages(item: ItemInput, normText: string, rules: CompiledRules): Set<string> {
  // `und`: the person's own phrases, in any language.
  const langs = new Set<string>(['en', 'und']);
  if (hasArabic(normText)) langs.add('ar');
  const hint = item.lang?.slice(0, 2).toLowerCase();
  if (hint) langs.add(hint);
  // Without a hint (or in English or Arabic posts, which often switch to French, Spanish or German:
  // "lien f bio", "c'est pas sponso"), pick Latin-script packs whose function words occur three times (twice in a
  // post of under 40 words, where a language shows fewer of them), in one pass.
  if (!hint || hint === 'en' || hint === 'ar') {
    const { byHash, longest } = stopwordIndex(rules);
    const hits = new Map<string, number>();
    // The words of the first 3,000 characters (runs of letters), scanned in place and hashed as
    // they go: only a run as short as a function word whose hash is one is compared. `pieces`
    // counts them as splitting on non-letters would.
    const end = Math.min(normText.length, 3000);
    let pieces = 1;
    let runStart = 0; // where the current run of letters began, if the last unit was a letter
    let inRun = false;
    let h = 0;
    for (let i = 0; i <= end; i++) {
      const u = i < end ? normText.charCodeAt(i) : 0;
      if (i < end && isLetter(u)) {
        if (!inRun) {
          runStart = i;
          h = FNV_OFFSET;
        }
        inRun = true;
        h = Math.imul(h ^ u, FNV_PRIME);
        continue;
      }
      // A non-letter (or the end) after a run of letters closes a word; one that starts a gap
      // (or opens the text) adds a piece.
      if (inRun && i - runStart <= longest) {
        const candidates = byHash.get(h >>> 0);
        if (candidates) {
          const word = normText.slice(runStart, i);
          for (const c of candidates)
            if (c.word === word)
              for (const lang of c.packs) if (!langs.has(lang)) hits.set(lang, (hits.get(lang) ?? 0) + 1);
        }
      }
      if (i < end && (inRun || i === 0)) pieces++;
      inRun = false;
    }
    const needed = pieces < 40 ? 2 : 3;
    for (const [lang, n] of hits) if (n >= needed) langs.add(lang);
  }
  return langs;
}

/** Spans inside quotation marks (« », “ ”, " "), at most 300 characters each. */
export function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const re = /«([^«»\n]{1,300})»|“([^“”\n]{1,300})”|"([^"\n]{1,300})"|„([^„“\n]{1,300})“/g;
  for (const m of text.matchAll(re)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

function markQuoted(cues: Cue[], text: string): void {
  const ranges = quotedRanges(text);
  if (ranges.length === 0) return;
  for (const cue of cues) {
    if (cue.start === undefined) continue;
    if (ranges.some(([s, e]) => cue.start! >= s && cue.end! <= e)) cue.quoted = true;
  }
}

const isSpace = unitTest(/\s/);

/**
 * The post's words on one line, at most EXCERPT characters: whitespace runs become one space, the
 * ends are trimmed, "…" marks a cut. Built in one pass that stops once the excerpt is full (a post
 * can be 20,000 characters); the same as flattening the whole text with `/\s+/g` and trimming.
 */
function excerptOf(text: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (isSpace(u)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += text[i];
    if (out.length > EXCERPT) break;
  }
  return out.length <= EXCERPT ? out : `${out.slice(0, EXCERPT - 1)}…`;
}

export interface AnalyzeOptions {
  /** Cue kinds switched off in the options (their families do not count). */
  disabledKinds?: ReadonlySet<CueKind>;
  /** Run every text rule of the item's languages, keywords or not (the tests' reference path). */
  ungated?: boolean;
}

export function analyzeItem(input: ItemInput, rules: CompiledRules, options: AnalyzeOptions = {}): Finding {
  const item: ItemInput =
    input.text.length > MAX_ITEM_TEXT ? { ...input, text: input.text.slice(0, MAX_ITEM_TEXT) } : input;
  const norm = normalize(item.text);
  const links = [
    ...item.links.slice(0, MAX_LINKS),
    ...(item.text.includes('/') ? linksInText(item.text) : []),
  ]
    .slice(0, MAX_LINKS)
    .map((l) => resolveLink(l, rules.redirectors));
  const present = presentKeywords(norm.text, rules.keywords);
  const langs = selectLanguages(item, norm.text, rules);
  const ctx: DetectContext = {
    item,
    norm,
    rules,
    present,
    langs,
    active: activeRules(rules, present, langs, options.ungated),
    links,
    cues: [],
  };
  let cues: Cue[] = [];
  for (const detector of DETECTORS) if (detector.phase === 1) cues.push(...detector.detect(ctx));
  cues = resolveOverlaps(cues);
  markQuoted(cues, item.text);
  ctx.cues = cues;
  for (const detector of DETECTORS) if (detector.phase === 2) cues.push(...detector.detect(ctx));
  if (options.disabledKinds?.size) cues = cues.filter((c) => !options.disabledKinds!.has(c.kind));
  cues.sort((a, b) => (a.start ?? Number.MAX_SAFE_INTEGER) - (b.start ?? Number.MAX_SAFE_INTEGER));
  const decision = decide(cues);
  const products = [...new Set(cues.filter((c) => c.kind === 'ai-product').map((c) => c.detail ?? c.text))];
  return { id: item.id, ...decision, cues, excerpt: excerptOf(item.text), products };
}

export interface PageVerdict {
  verdict: Verdict;
  topic: Topic | null;
}

/** The most severe item; AI topic first on ties. Non-AI items count only with `allTopics`. */
export function pageVerdict(findings: readonly Finding[], allTopics = false): PageVerdict {
  let best: PageVerdict = { verdict: 'none', topic: null };
  for (const f of findings) {
    if (f.verdict === 'none' || (!allTopics && f.topic !== 'ai')) continue;
    const s = SEVERITY[f.verdict] - SEVERITY[best.verdict];
    if (s > 0 || (s === 0 && f.topic === 'ai' && best.topic !== 'ai'))
      best = { verdict: f.verdict, topic: f.topic };
  }
  return best;
}

export function analyzePage(
  items: readonly ItemInput[],
  rules: CompiledRules,
  options: { allTopics?: boolean } = {},
) {
  const findings = items.map((item) => analyzeItem(item, rules));
  return { ...pageVerdict(findings, options.allTopics), items: findings };
}
