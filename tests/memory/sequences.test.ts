/**
 * Memory, corpus style: sequences of posts by the same or different authors, judged in the order
 * a person saw them (tests/memory/sequences.jsonl). Each post has its expected verdict; hard
 * negatives (a mere mention, another author, another platform, another brand, discourse, a post
 * seen before the labelled one) are half the set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bundledRules } from '@/utils/engine/rules/bundled';
import type { ItemInput, Platform } from '@/utils/engine/types';
import { PartnerIndex } from '@/utils/memory/graph';
import { judgeRemembering } from '@/utils/memory/judge';

interface Sequence {
  id: string;
  note: string;
  tags: string[];
  posts: {
    platform: Platform;
    author: string;
    text: string;
    labels: string[];
    links: { href: string; text: string }[];
    expect: { verdict: string; topic: string | null };
  }[];
}

const SEQUENCES: Sequence[] = readFileSync(join(import.meta.dirname, 'sequences.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const rules = bundledRules();
const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 3, 12);

function run(seq: Sequence, withMemory = true) {
  const index = new PartnerIndex();
  return seq.posts.map((p, i) => {
    const item: ItemInput = {
      id: `${seq.id}-${i}`,
      text: p.text,
      links: p.links,
      labels: p.labels,
      platform: p.platform,
      author: p.author,
      url: `https://${p.platform === 'generic' ? 'example.com' : `${p.platform}.com`}/p/${seq.id}-${i}`,
    };
    const { finding } = judgeRemembering(
      item,
      rules,
      withMemory ? index : new PartnerIndex(),
      START + i * DAY,
    );
    return finding;
  });
}

describe('memory sequences (tests/memory/sequences.jsonl)', () => {
  test('the set holds both kinds: history that changes a verdict, and hard negatives it must not change', () => {
    const changes = SEQUENCES.filter((s) => s.tags.includes('prior-partnership'));
    const negatives = SEQUENCES.filter((s) => s.tags.includes('hard-negative'));
    expect(changes.length).toBeGreaterThanOrEqual(4);
    expect(negatives.length).toBeGreaterThanOrEqual(SEQUENCES.length / 2 - 1);
  });

  test.each(SEQUENCES.map((s) => [s.id, s] as const))('%s', (_id, seq) => {
    const findings = run(seq);
    findings.forEach((f, i) => {
      const want = seq.posts[i]!.expect;
      expect({ post: i, verdict: f.verdict, topic: f.topic }, seq.note).toEqual({
        post: i,
        verdict: want.verdict,
        topic: want.topic,
      });
    });
  });

  test('every verdict memory changed is explained by a prior-partnership cue naming the brand and the earlier post', () => {
    let changed = 0;
    for (const seq of SEQUENCES) {
      const alone = run(seq, false);
      run(seq).forEach((f, i) => {
        const prior = f.cues.filter((c) => c.kind === 'prior-partnership');
        if (f.verdict !== alone[i]!.verdict) {
          changed++;
          expect(f.verdict, seq.id).toBe('undisclosed');
          expect(prior.length, seq.id).toBeGreaterThan(0);
        }
        for (const c of prior) {
          expect(c.evidence?.date, seq.id).toBeLessThan(START + i * DAY);
          expect(seq.posts[i]!.text.toLowerCase() + JSON.stringify(seq.posts[i]!.links)).toContain(
            c.detail!.toLowerCase().replace(/\s+/g, ''),
          );
        }
      });
    }
    expect(changed).toBeGreaterThanOrEqual(4);
  });
});
