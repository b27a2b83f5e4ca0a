/**
 * How much a post reads like an advertisement: a small logistic model over its words, learned from
 * the tuning part of the labelled corpus (tests/tools/train-style.ts), never from the held-out part.
 *
 * Rules recognise the phrasings they were written from; a post in words nobody wrote a rule for
 * ("obsessed with this one 😍 first month on me 👇") slips past them. The model weighs every word
 * and word pair it learned, so it reads such a post as a whole. It is one cue of promotional
 * pressure among others: it never makes a commercial tie or a disclosure, and discourse still
 * outweighs it (utils/engine/verdict.ts).
 *
 * Features are presence (not counts) of: the normalized words and pairs of adjacent words, with
 * addresses, @handles, percentages and numbers each read as one placeholder word; emoji; and a
 * code-shaped token (capitals and digits, "SAVE20").
 */

/** Placeholder words: an address, an @handle, a percentage, a number, a code-shaped token. */
export const URL_WORD = 'zurlz';
export const HANDLE_WORD = 'zatz';
export const PERCENT_WORD = 'zpctz';
export const NUMBER_WORD = 'znumz';
export const CODE_FEATURE = '<code>';

const ADDRESS =
  /https?:\/\/\S+|(?<![\p{L}\p{N}_@.-])[\p{L}\p{N}-]+\.(?:com|ai|io|co|app|ly|gg|me|net|org|to|link)\/\S*/giu;
const HANDLE = /@[\p{L}\p{N}_.]+/gu;
// Anchored after a non-digit: a long run of digits is tried once, not from each of its digits.
const PERCENT = /(?<!\d)\d+\s?%/g;
const DIGITS = /\d+/g;
const WORD = /#?[\p{L}\p{N}_]+/gu;
const EMOJI = /\p{Extended_Pictographic}/gu;
const CODE = /(?<![\p{L}\p{N}])(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{4,16}(?![\p{L}\p{N}])/u;

/**
 * The post's features, each once: `original` is the post as written (for emoji and code shapes,
 * which normalization folds), `normalized` the engine's normalized text (utils/engine/normalize.ts).
 */
export function styleFeatures(original: string, normalized: string): string[] {
  const out = new Set<string>();
  if (CODE.test(original)) out.add(CODE_FEATURE);
  for (const m of original.matchAll(EMOJI)) out.add(m[0]);
  const text = normalized
    .replace(ADDRESS, ` ${URL_WORD} `)
    .replace(HANDLE, ` ${HANDLE_WORD} `)
    .replace(PERCENT, ` ${PERCENT_WORD} `)
    .replace(DIGITS, ` ${NUMBER_WORD} `);
  let previous: string | null = null;
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    out.add(word);
    if (previous !== null) out.add(`${previous} ${word}`);
    previous = word;
  }
  return [...out];
}

export interface StyleModel {
  /** The pack's id: the rule id its cues carry. */
  id: string;
  sources: string[];
  bias: number;
  /** The score from which the post reads as an advertisement. */
  threshold: number;
  /** The score under which a post reads as talk about the topic, not as an advertisement. */
  talkThreshold: number;
  weights: ReadonlyMap<string, number>;
}

export interface StyleScore {
  /** Probability-like score in [0, 1]. */
  score: number;
  /** The features that pushed the score up most, strongest first (at most `top`). */
  strongest: string[];
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function scoreStyle(model: StyleModel, features: readonly string[], top = 3): StyleScore {
  let z = model.bias;
  const positive: [string, number][] = [];
  for (const f of features) {
    const w = model.weights.get(f);
    if (w === undefined) continue;
    z += w;
    if (w > 0) positive.push([f, w]);
  }
  positive.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { score: sigmoid(z), strongest: positive.slice(0, top).map(([f]) => f) };
}

/**
 * The model as the engine reads it: every feature numbered, word pairs found from their first
 * word (no string built per pair), and a stamp per feature so each counts once per post without
 * a set. Built once per model.
 */
interface StyleIndex {
  words: Map<string, number>;
  pairs: Map<string, Map<string, number>>;
  names: string[];
  weights: Float64Array;
  stamps: Uint32Array;
  generation: number;
}
const indexes = new WeakMap<StyleModel, StyleIndex>();
function styleIndex(model: StyleModel): StyleIndex {
  let index = indexes.get(model);
  if (index) return index;
  const words = new Map<string, number>();
  const pairs = new Map<string, Map<string, number>>();
  const names: string[] = [];
  const weights: number[] = [];
  for (const [feature, w] of model.weights) {
    const id = names.push(feature) - 1;
    weights.push(w);
    // A pair is two tokens with one space; tokens hold no spaces.
    const space = feature.indexOf(' ');
    if (space < 0) words.set(feature, id);
    else {
      const first = feature.slice(0, space);
      const seconds = pairs.get(first) ?? new Map<string, number>();
      pairs.set(first, seconds);
      seconds.set(feature.slice(space + 1), id);
    }
  }
  index = {
    words,
    pairs,
    names,
    weights: Float64Array.from(weights),
    stamps: new Uint32Array(names.length),
    generation: 0,
  };
  indexes.set(model, index);
  return index;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const wordUnit = new Uint8Array(0x10000); // 0 unknown, 1 word, 2 not
const alnumUnit = new Uint8Array(0x10000);
const astral = new Map<number, number>(); // code point → bit 1 word, bit 2 letter-or-number

/** Units (1 or 2) of the character at `i` if it is a word character (`[\p{L}\p{N}_]`, or without `_`), else 0. */
function charAt(s: string, i: number, table: Uint8Array, bit: 1 | 2): number {
  const u = s.charCodeAt(i);
  if (u < 0xd800 || u > 0xdbff) {
    let c = table[u]!;
    if (c === 0) {
      const ch = String.fromCharCode(u);
      c = (u >= 0xdc00 && u <= 0xdfff) || !(bit === 1 ? WORD_CHAR : LETTER_OR_NUMBER).test(ch) ? 2 : 1;
      table[u] = c;
    }
    return c === 1 ? 1 : 0;
  }
  const cp = s.codePointAt(i)!;
  if (cp <= 0xffff) return 0; // a lone high surrogate
  let bits = astral.get(cp);
  if (bits === undefined) {
    // Page text is untrusted: the cache of astral characters stays small whatever a page holds.
    if (astral.size >= 4096) astral.clear();
    const ch = String.fromCodePoint(cp);
    bits = (WORD_CHAR.test(ch) ? 1 : 0) | (LETTER_OR_NUMBER.test(ch) ? 2 : 0);
    astral.set(cp, bits);
  }
  return bits & bit ? 2 : 0;
}

const isAsciiDigit = (u: number) => u >= 0x30 && u <= 0x39;
const isCodeUnit = (u: number) => isAsciiDigit(u) || (u >= 0x41 && u <= 0x5a);

/** Whether `original` holds a code-shaped token: what `CODE` tests, in one pass without lookarounds. */
function hasCodeShape(s: string): boolean {
  let i = 0;
  while (i < s.length) {
    const n = charAt(s, i, alnumUnit, 2);
    if (n === 0) {
      i++;
      continue;
    }
    // A run of letters and numbers: a code when it is 4–16 capitals and digits with both.
    let j = i;
    let code = true;
    let letter = false;
    let digit = false;
    for (let m = n; m > 0; m = j < s.length ? charAt(s, j, alnumUnit, 2) : 0) {
      const u = s.charCodeAt(j);
      if (m === 2 || !isCodeUnit(u)) code = false;
      else if (isAsciiDigit(u)) digit = true;
      else letter = true;
      j += m;
    }
    if (code && letter && digit && j - i >= 4 && j - i <= 16) return true;
    i = j;
  }
  return false;
}

/**
 * `scoreStyle(model, styleFeatures(original, normalized))`, the same score and strongest features,
 * without building the feature list: one pass over the words, each feature looked up once.
 * tests/engine/style-model.test.ts holds the two equal on every corpus post and on random text.
 */
export function scoreStyleText(model: StyleModel, original: string, normalized: string, top = 3): StyleScore {
  const index = styleIndex(model);
  if (index.generation >= 0xffffffff) {
    index.stamps.fill(0);
    index.generation = 0;
  }
  const stamp = ++index.generation;
  let z = model.bias;
  const positive: number[] = [];
  const add = (id: number | undefined) => {
    if (id === undefined || index.stamps[id] === stamp) return;
    index.stamps[id] = stamp;
    const w = index.weights[id]!;
    z += w;
    if (w > 0) positive.push(id);
  };
  if (index.words.has(CODE_FEATURE) && hasCodeShape(original)) add(index.words.get(CODE_FEATURE));
  for (const m of original.matchAll(EMOJI)) add(index.words.get(m[0]));
  let text = normalized;
  if (text.includes('/')) text = text.replace(ADDRESS, ` ${URL_WORD} `);
  if (text.includes('@')) text = text.replace(HANDLE, ` ${HANDLE_WORD} `);
  if (text.includes('%')) text = text.replace(PERCENT, ` ${PERCENT_WORD} `);
  let previous: string | null = null;
  const token = (word: string) => {
    add(index.words.get(word));
    if (previous !== null) add(index.pairs.get(previous)?.get(word));
    previous = word;
  };
  const end = text.length;
  let i = 0;
  while (i < end) {
    const u = text.charCodeAt(i);
    if (isAsciiDigit(u)) {
      // A run of digits reads as one number word, and splits the word around it.
      while (i < end && isAsciiDigit(text.charCodeAt(i))) i++;
      token(NUMBER_WORD);
      continue;
    }
    let j = i;
    // "#" belongs to a word that follows it at once (not to a number).
    if (u === 0x23) {
      const next = i + 1 < end ? text.charCodeAt(i + 1) : 0;
      if (i + 1 >= end || isAsciiDigit(next) || charAt(text, i + 1, wordUnit, 1) === 0) {
        i++;
        continue;
      }
      j++;
    } else if (charAt(text, i, wordUnit, 1) === 0) {
      i++;
      continue;
    }
    for (let n = charAt(text, j, wordUnit, 1); n > 0 && !isAsciiDigit(text.charCodeAt(j)); ) {
      j += n;
      n = j < end ? charAt(text, j, wordUnit, 1) : 0;
    }
    token(text.slice(i, j));
    i = j;
  }
  positive.sort(
    (a, b) => index.weights[b]! - index.weights[a]! || (index.names[a]! < index.names[b]! ? -1 : 1),
  );
  return { score: sigmoid(z), strongest: positive.slice(0, top).map((id) => index.names[id]!) };
}
