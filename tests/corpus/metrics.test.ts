import { describe, expect, test } from 'vitest';
import { scoreCorpus } from './metrics';

describe('scoreCorpus', () => {
  test('computes precision, recall and F1 from a known table', () => {
    const row = (
      e: string,
      a: string,
      et: 'ai' | 'other' | null = 'ai',
      at: 'ai' | 'other' | null = 'ai',
    ) => ({
      id: 'x',
      lang: 'en',
      expected: { verdict: e as never, topic: et },
      actual: { verdict: a as never, topic: at },
    });
    const s = scoreCorpus([
      row('undisclosed', 'undisclosed'), // tp both
      row('sponsored', 'undisclosed'), // tp flagged, fp undisclosed
      row('mention', 'promotion'), // fp flagged
      row('promotion', 'mention'), // fn flagged
      row('sponsored', 'sponsored', 'other', 'other'), // not AI: ignored
    ]);
    expect(s.flagged).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(s.flagged.f1).toBeCloseTo(2 / 3);
    expect(s.undisclosed).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(s.undisclosed.precision).toBeCloseTo(0.5);
  });
});
