/** Memory as the background runs it: forgetting while work is under way, retention, addresses. */
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { postKey } from '@/utils/feedback-match';
import type { LedgerEntry, SeenPost } from '@/utils/memory/graph';
import { Memory } from '@/utils/memory/keeper';
import type { FindingWire } from '@/utils/protocol';

const NOW = Date.now();
const DAY = 86_400_000;
const fresh = () => new Memory({ name: `keeper-${Math.random().toString(36).slice(2)}` });
const labelled: FindingWire = {
  id: 'ig-1',
  verdict: 'sponsored',
  topic: 'ai',
  confidence: 0.95,
  cues: [
    {
      kind: 'platform-label',
      rule: 'en.label.native',
      text: 'Paid partnership with HeyGen',
      lang: 'en',
      sources: [],
    },
  ],
  concerns: [],
  excerpt: 'Avatar videos',
  snippet: 'Avatar videos',
  snippetStart: 0,
  products: ['HeyGen'],
  platform: 'instagram',
  author: '@maya',
  order: 0,
};
const post = (id: string): SeenPost => ({
  id,
  text: 'Avatar videos',
  labels: ['Paid partnership with HeyGen'],
  platform: 'instagram',
  author: '@maya',
  url: 'https://www.instagram.com/',
});
const later = post('ig-later');

describe('Memory', () => {
  test('what is remembered counts for the next post at once, and is written in one batch', async () => {
    const memory = fresh();
    expect(await memory.ready(90)).toBe(true);
    memory.remember(labelled, post('ig-1'), false, NOW);
    expect(memory.partnersFor(later, 90, undefined, NOW).map((p) => p.brand)).toEqual(['HeyGen']);
    await memory.flush();
    const { entries } = await memory.ledger.read();
    expect(entries.map((e: LedgerEntry) => e.key)).toEqual(['instagram|instagram.com|ig-1']);
  });

  test('forgetting while the index is still being read, or while a batch is being written, leaves nothing', async () => {
    const first = fresh();
    await first.ready(90);
    first.remember(labelled, post('ig-1'), false, NOW);
    await first.flush();
    // A new background lifetime: the index is read back while the person forgets.
    const memory = new Memory({ name: (first.ledger as unknown as { name: string }).name });
    const reading = memory.ready(90);
    const forgetting = memory.forget();
    await Promise.all([reading, forgetting]);
    expect(memory.partnersFor(later, 90, undefined, NOW)).toEqual([]);
    // A batch remembered just before forgetting is not written after it.
    memory.remember(labelled, post('ig-2'), false, NOW);
    const writing = memory.flush();
    await memory.forget();
    await writing;
    expect((await memory.ledger.read()).entries).toEqual([]);
    // What is seen afterwards is remembered again.
    memory.remember(labelled, post('ig-3'), false, NOW);
    await memory.flush();
    expect((await memory.ledger.read()).entries).toHaveLength(1);
  });

  test('retention: a partnership older than the window is not given, and pruning removes it', async () => {
    const memory = fresh();
    await memory.ready(90);
    memory.remember(labelled, post('ig-old'), false, NOW - 40 * DAY);
    await memory.flush();
    expect(memory.partnersFor(later, 90, undefined, NOW)).toHaveLength(1);
    expect(memory.partnersFor(later, 30, undefined, NOW)).toEqual([]);
    await memory.prune(30);
    expect((await memory.ledger.read()).entries).toEqual([]);
  });

  test('when addresses stop being kept, they leave the ledger and the index', async () => {
    const memory = fresh();
    await memory.ready(90);
    memory.remember(labelled, post('ig-DH1demoMira1'), true, NOW);
    await memory.flush();
    expect(memory.partnersFor(later, 90, undefined, NOW)[0]?.url).toBe(
      'https://www.instagram.com/p/DH1demoMira1/',
    );
    await memory.stripPages();
    expect(memory.partnersFor(later, 90, undefined, NOW)[0]?.url).toBeNull();
    expect((await memory.ledger.read()).entries[0]?.url).toBeUndefined();
  });
});

describe('"This is wrong"', () => {
  test('a post the person hid is no evidence of its author’s partnership', async () => {
    const memory = fresh();
    await memory.ready(90);
    memory.remember(labelled, post('ig-1'), false, NOW);
    await memory.flush();
    const [entry] = (await memory.ledger.read()).entries;
    expect(entry?.hideKey).toBe(postKey(labelled));
    // The key is a hash: the post's words are not kept.
    expect(entry?.hideKey).toMatch(/^[0-9a-z]+$/);
    expect(memory.partnersFor(later, 90, new Set(), NOW)).toHaveLength(1);
    expect(memory.partnersFor(later, 90, new Set([postKey(labelled)]), NOW)).toEqual([]);
  });
});
