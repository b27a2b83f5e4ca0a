import { describe, expect, test } from 'vitest';
import type { FindingWire } from '@/utils/protocol';
import { badgeFor, visibleFindings } from '@/utils/scope';
import { DEFAULT_SETTINGS } from '@/utils/settings';

const f = (
  id: string,
  verdict: FindingWire['verdict'],
  topic: FindingWire['topic'],
  order: number,
): FindingWire => ({
  id,
  verdict,
  topic,
  snippet: id,
  snippetStart: 0,
  order,
  confidence: 0.8,
  cues: [],
  concerns: [],
  excerpt: id,
  products: [],
  platform: 'x',
  author: null,
});
const findings = [
  f('a', 'undisclosed', 'ai', 2),
  f('b', 'promotion', 'ai', 1),
  f('c', 'sponsored', 'other', 0),
  f('d', 'mention', 'ai', 3),
  f('e', 'none', null, 4),
];

describe('visibleFindings and badge agree', () => {
  test.each([
    ['AI scope, promotion counted (default)', DEFAULT_SETTINGS, ['b', 'a'], 'red'],
    ['all topics', { ...DEFAULT_SETTINGS, scope: 'all' as const }, ['c', 'b', 'a'], 'red'],
    ['promotion not counted', { ...DEFAULT_SETTINGS, countPromotion: false }, ['a'], 'red'],
  ])('%s', (_n, settings, ids, color) => {
    const visible = visibleFindings(findings, settings);
    expect(visible.map((x) => x.id)).toEqual(ids);
    const badge = badgeFor(visible);
    expect(badge.text).toBe(String(ids.length));
    expect(badge.color).toBe(color);
  });
  test('amber without undisclosed, empty at zero', () => {
    expect(badgeFor([f('b', 'promotion', 'ai', 0)]).color).toBe('amber');
    expect(badgeFor([])).toEqual({ text: '', color: null });
  });
});
