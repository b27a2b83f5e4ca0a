/**
 * Every platform adapter on its saved pages: the expected items, in order, with their native
 * labels and verdicts, through the same code path as the `scan` CLI (and the content script).
 */
import { describe, expect, test } from 'vitest';
import { type FileRecord, scanFile } from '@/utils/cli/scan';
import { loadFixtures } from '../fixtures/pages';

const fixtures = loadFixtures();

describe.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
  test('reads the expected items with their platform, labels, verdicts and topics', async () => {
    const record = (await scanFile(fixture.file, {})) as FileRecord;
    expect(record.platform).toBe(fixture.platform);
    expect(record.url).toBe(fixture.url);
    const items = record.items;
    expect(items.map((i) => i.excerpt.slice(0, 50))).toHaveLength(fixture.items.length);
    fixture.items.forEach((want, index) => {
      const got = items[index]!;
      const flat = got.excerpt.replace(/\s+/g, ' ');
      expect(flat, `item ${index}`).toContain(want.match.replace(/\s+/g, ' ').slice(0, 60));
      expect({ index, verdict: got.verdict, topic: got.topic }).toEqual({
        index,
        verdict: want.verdict,
        topic: want.topic,
      });
      // The platform's own label, read whole (split words joined, accessible copies read once),
      // and never one an item does not carry.
      const labels = got.cues
        .filter((c) => c.kind === 'platform-label')
        .map((c) => c.text.replace(/\s+/g, ' '));
      if (want.label)
        expect(
          labels.some((l) => l.includes(want.label!)),
          `label "${want.label}" on item ${index}: ${JSON.stringify(labels)}`,
        ).toBe(true);
      else expect(labels, `no label on item ${index}`).toEqual([]);
    });
  });
});

test('there are fixtures for every platform in both languages', () => {
  const names = new Set(fixtures.map((f) => f.name));
  for (const p of ['x', 'youtube', 'instagram', 'linkedin', 'tiktok', 'facebook', 'reddit']) {
    expect(names.has(`${p}/feed-en`), p).toBe(true);
    expect(names.has(`${p}/feed-ar`), p).toBe(true);
  }
});
