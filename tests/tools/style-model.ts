/**
 * Training the ad-likeness model (utils/engine/style.ts) from the corpus's tuning part. The
 * held-out part never reaches it: `buildStyleModel` drops those posts before anything else, and
 * tests/engine/style-model.test.ts checks that the shipped weights are what this code makes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalize } from '@/utils/engine/normalize';
import type { StyleModelPack } from '@/utils/engine/rules/schema';
import { sigmoid, styleFeatures } from '@/utils/engine/style';
import { FLAGGED, type ItemInput, type Topic, type Verdict } from '@/utils/engine/types';

/** A corpus post as its file holds it (tests/corpus/README.md, "Record format"). */
export interface CorpusRow extends Pick<ItemInput, 'id' | 'text' | 'links' | 'labels' | 'platform' | 'fold'> {
  lang: string;
  split: 'tune' | 'holdout';
  expect: { verdict: Verdict; topic: Topic | null };
}

const CORPUS = fileURLToPath(new URL('../corpus/', import.meta.url));

/** Every corpus post, file by file in name order. */
export function corpusRows(): CorpusRow[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readFileSync(`${CORPUS}${f}`, 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line));
}

export const TRAINING = { minPosts: 2, epochs: 30, l2: 0.03, rate: 0.3 } as const;

export interface TrainingPost {
  features: readonly string[];
  /** 1: an advertisement (promotion, sponsored or undisclosed); 0: not. */
  label: 0 | 1;
}

/**
 * Logistic regression by AdaGrad with an L2 penalty, in a fixed order (the same posts give the
 * same model on any machine). Returns the bias and every feature's weight.
 */
export function trainStyle(
  posts: readonly TrainingPost[],
  o: { epochs: number; l2: number; rate: number },
): { bias: number; weights: Map<string, number> } {
  const weights = new Map<string, number>();
  const squared = new Map<string, number>();
  let bias = 0;
  let biasSquared = 0;
  const n = posts.length;
  // The stride visits every post once per epoch only when it shares no factor with their number.
  if (n % 7919 === 0) throw new Error(`trainStyle: ${n} posts is a multiple of the stride 7919`);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let k = 0; k < n; k++) {
      // A prime stride through the posts, shifted each epoch: mixed classes without randomness.
      const post = posts[(k * 7919 + epoch * 31) % n]!;
      let z = bias;
      for (const f of post.features) z += weights.get(f) ?? 0;
      const g = sigmoid(z) - post.label;
      for (const f of post.features) {
        const w = weights.get(f) ?? 0;
        const gf = g + o.l2 * w;
        const s = (squared.get(f) ?? 0) + gf * gf;
        squared.set(f, s);
        weights.set(f, w - (o.rate * gf) / Math.sqrt(s + 1e-8));
      }
      biasSquared += g * g;
      bias -= (o.rate * g) / Math.sqrt(biasSquared + 1e-8);
    }
  }
  return { bias, weights };
}

/**
 * The model of these posts, as the pack's training record says: words of a single post say more
 * about that post than about advertising, so they are left out before training.
 */
export function fitStyle(posts: readonly TrainingPost[]): { bias: number; weights: Map<string, number> } {
  const seen = new Map<string, number>();
  for (const p of posts) for (const f of p.features) seen.set(f, (seen.get(f) ?? 0) + 1);
  const kept = posts.map((p) => ({
    ...p,
    features: p.features.filter((f) => seen.get(f)! >= TRAINING.minPosts),
  }));
  return trainStyle(kept, TRAINING);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The model's training record, bias and weights (rounded to 0.01, zeros dropped, keys sorted). */
export function buildStyleModel(
  rows: readonly CorpusRow[],
): Pick<StyleModelPack, 'training' | 'bias' | 'weights'> {
  const tune = rows.filter((r) => r.split === 'tune');
  const posts = tune.map((r) => ({
    features: styleFeatures(r.text, normalize(r.text).text),
    label: (FLAGGED.has(r.expect.verdict) ? 1 : 0) as 0 | 1,
  }));
  const { bias, weights } = fitStyle(posts);
  const sorted = [...weights]
    .map(([f, w]) => [f, round2(w)] as const)
    .filter(([, w]) => w !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    training: {
      split: 'tune',
      posts: tune.length,
      advertisements: posts.filter((p) => p.label === 1).length,
      ...TRAINING,
    },
    bias: round2(bias),
    weights: Object.fromEntries(sorted),
  };
}
