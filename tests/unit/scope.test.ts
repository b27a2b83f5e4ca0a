import { describe, expect, test } from 'vitest';
import type { FindingWire } from '@/utils/protocol';
import { badgeFor, badgeLook, badgeSummary, badgeTitle, visibleFindings } from '@/utils/scope';
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

describe('the badge says what it counts', () => {
  const en = (key: string, subs?: string | string[]) => {
    const table: Record<string, string> = {
      badge_title_unread: 'unread',
      badge_title_paused: 'paused',
      badge_title_reading: 'reading',
      badge_title_clear: 'clear',
      badge_title_found: 'Basira: $',
    };
    return (table[key] ?? key).replace('$', String(subs ?? ''));
  };
  const plural = (base: string, n: number) => `${n} ${base.replace('badge_', '')}`;
  const one = (verdict: FindingWire['verdict'], order: number) => f(`f${order}`, verdict, 'ai', order);

  test.each([
    [null, [], 'unread', '', null],
    ['paused', [], 'paused', '⏸', 'grey'],
    ['scanning', [], 'reading', '', null],
    ['done', [], 'clear', '', null],
  ] as const)('status %s with no findings: %s', (status, visible, title, text, color) => {
    const summary = badgeSummary(status, visible);
    expect(badgeTitle(summary, en, plural)).toBe(title);
    expect(badgeLook(summary, visible)).toEqual({ text, color });
  });

  test('counts by verdict, most severe first, and turns red for an undisclosed one', () => {
    const visible = [one('sponsored', 0), one('undisclosed', 1), one('sponsored', 2), one('promotion', 3)];
    const summary = badgeSummary('done', visible);
    expect(badgeTitle(summary, en, plural)).toBe('Basira: 1 undisclosed · 2 sponsored · 1 promotion');
    expect(badgeLook(summary, visible)).toEqual({ text: '4', color: 'red' });
  });
});
