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
const PERCENT = /\d+\s?%/g;
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
