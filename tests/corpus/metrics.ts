import { FLAGGED, type Topic, type Verdict } from '@/utils/engine/types';

export interface Labelled {
  id: string;
  lang: string;
  expected: { verdict: Verdict; topic: Topic | null };
  actual: { verdict: Verdict; topic: Topic | null };
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function prf(
  rows: readonly Labelled[],
  positive: (v: { verdict: Verdict; topic: Topic | null }) => boolean,
): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    const e = positive(r.expected);
    const a = positive(r.actual);
    if (e && a) tp++;
    else if (a) fp++;
    else if (e) fn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Flagged: promotion, sponsored or undisclosed about an AI product. Undisclosed: undisclosed AI promotion. */
export function scoreCorpus(rows: readonly Labelled[]) {
  return {
    flagged: prf(rows, (v) => FLAGGED.has(v.verdict) && v.topic === 'ai'),
    undisclosed: prf(rows, (v) => v.verdict === 'undisclosed' && v.topic === 'ai'),
  };
}
