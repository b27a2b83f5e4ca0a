/**
 * Detection quality on the labelled corpus: precision, recall and F1 for flagged AI promotion
 * (promotion, sponsored or undisclosed, topic ai) and for undisclosed AI promotion. Prints the
 * numbers and every mistake; fails below flagged F1 0.95 or undisclosed F1 0.90.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { analyzeItem } from '@/utils/engine/analyze';
import { FLAGGED, PLATFORMS, VERDICTS } from '@/utils/engine/types';
import { scoreCorpus } from './metrics';

const CorpusItem = z.strictObject({
  id: z.string(),
  lang: z.enum(['en', 'ar', 'fr', 'es', 'de']),
  platform: z.enum(PLATFORMS),
  text: z.string(),
  links: z.array(z.strictObject({ href: z.string(), text: z.string() })),
  labels: z.array(z.string()),
  fold: z.nullable(z.number()),
  expect: z.strictObject({ verdict: z.enum(VERDICTS), topic: z.nullable(z.enum(['ai', 'other'])) }),
  tags: z.array(z.string()),
  note: z.string(),
});
type CorpusItem = z.infer<typeof CorpusItem>;

const dir = __dirname;
const items: CorpusItem[] = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) =>
    readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((line, i) => {
        const parsed = z.safeParse(CorpusItem, JSON.parse(line));
        if (!parsed.success) throw new Error(`${f}:${i + 1}: ${z.prettifyError(parsed.error)}`);
        return parsed.data;
      }),
  );

const results = items.map((item) => {
  const finding = analyzeItem({ ...item, id: item.id, url: null, author: null });
  return { item, finding };
});

describe('corpus composition', () => {
  test('has enough items, languages and hard negatives', () => {
    expect(items.length).toBeGreaterThanOrEqual(200);
    const by = (lang: string) => items.filter((i) => i.lang === lang).length;
    expect(by('en')).toBeGreaterThanOrEqual(80);
    expect(by('ar')).toBeGreaterThanOrEqual(80);
    for (const lang of ['fr', 'es', 'de']) expect(by(lang)).toBeGreaterThan(0);
    const hardNegatives = items.filter(
      (i) => !(FLAGGED.has(i.expect.verdict) && i.expect.topic === 'ai'),
    ).length;
    expect(hardNegatives / items.length).toBeGreaterThanOrEqual(0.4);
    for (const p of PLATFORMS)
      expect(
        items.some((i) => i.platform === p),
        p,
      ).toBe(true);
    for (const v of VERDICTS)
      expect(
        items.some((i) => i.expect.verdict === v),
        v,
      ).toBe(true);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });
});

describe('detection quality', () => {
  const score = scoreCorpus(
    results.map(({ item, finding }) => ({
      id: item.id,
      lang: item.lang,
      expected: item.expect,
      actual: { verdict: finding.verdict, topic: finding.topic },
    })),
  );
  const mistakes = results.filter(
    ({ item, finding }) => item.expect.verdict !== finding.verdict || item.expect.topic !== finding.topic,
  );
  console.log(
    `corpus: ${items.length} items\n` +
      `flagged     P=${score.flagged.precision.toFixed(3)} R=${score.flagged.recall.toFixed(3)} F1=${score.flagged.f1.toFixed(3)}\n` +
      `undisclosed P=${score.undisclosed.precision.toFixed(3)} R=${score.undisclosed.recall.toFixed(3)} F1=${score.undisclosed.f1.toFixed(3)}\n` +
      `exact verdict+topic agreement: ${(1 - mistakes.length / items.length).toFixed(3)}\n` +
      mistakes
        .map(
          ({ item, finding }) =>
            `  ${item.id}: expected ${item.expect.verdict}/${item.expect.topic} got ${finding.verdict}/${finding.topic} [${finding.cues.map((c) => c.rule).join(' ')}]`,
        )
        .join('\n'),
  );
  test('flagged F1 ≥ 0.95', () => expect(score.flagged.f1).toBeGreaterThanOrEqual(0.95));
  test('undisclosed F1 ≥ 0.90', () => expect(score.undisclosed.f1).toBeGreaterThanOrEqual(0.9));
});
