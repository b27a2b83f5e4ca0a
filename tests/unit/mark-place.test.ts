/**
 * Where a chip goes: on the post's inline-end side, never over the post's text, media or
 * controls; a dot on the post's corner when no spot is free.
 */
import { describe, expect, test } from 'vitest';
import { type Box, DOT, placeChip } from '@/utils/mark-place';

const POST: Box = { left: 100, top: 50, width: 600, height: 200 };
const CHIP = { width: 80, height: 18 };
const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, width, height });
const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;
const chipAt = (s: { left: number; top: number }): Box => ({ ...s, ...CHIP });

describe('placeChip', () => {
  test('an empty corner: the top inline-end corner, inside the post', () => {
    expect(placeChip(POST, CHIP, [], false)).toEqual({ left: 100 + 600 - 4 - 80, top: 54, compact: false });
    expect(placeChip(POST, CHIP, [], true)).toEqual({ left: 104, top: 54, compact: false });
  });

  test("a menu button in the corner (X's ⋯): the chip moves down the end edge, below it", () => {
    const menu = box(660, 54, 34, 34);
    const name = box(160, 58, 200, 18);
    const spot = placeChip(POST, CHIP, [menu, name], false);
    expect(spot.compact).toBe(false);
    expect(overlaps(chipAt(spot), menu)).toBe(false);
    expect(spot.left).toBe(616);
    expect(spot.top).toBeGreaterThanOrEqual(54 + 34);
  });

  test('an RTL post keeps its avatar side (the right) free', () => {
    const avatar = box(650, 60, 40, 40);
    const spot = placeChip(POST, CHIP, [avatar], true);
    expect(spot.left).toBe(104);
    expect(overlaps(chipAt(spot), avatar)).toBe(false);
  });

  test('text to the right edge on every line: the bottom row, then the top row, toward the start', () => {
    const lines = Array.from({ length: 8 }, (_, i) => box(110, 60 + i * 20, 586, 18));
    const actions = [box(110, 226, 40, 20), box(300, 226, 40, 20), box(650, 226, 40, 20)];
    const spot = placeChip(POST, CHIP, [...lines, ...actions], false);
    expect(spot.compact).toBe(false);
    for (const b of [...lines, ...actions]) expect(overlaps(chipAt(spot), b)).toBe(false);
  });

  test('no free spot: a dot in the top inline-end corner, inside the post (never widening the page)', () => {
    const full = [box(100, 50, 600, 200)];
    expect(placeChip(POST, CHIP, full, false)).toEqual({ left: 700 - DOT, top: 50, compact: true });
    expect(placeChip(POST, CHIP, full, true)).toEqual({ left: 100, top: 50, compact: true });
  });

  test('a long post measured only down to an edge: no spot below it', () => {
    const menu = box(616, 54, 80, 190); // the whole end edge is taken
    const spot = placeChip(POST, CHIP, [menu], false, 120);
    expect(spot.top + CHIP.height).toBeLessThanOrEqual(120);
  });

  test('a post smaller than the chip gets the dot', () => {
    expect(placeChip(box(0, 0, 60, 14), CHIP, [], false).compact).toBe(true);
  });

  test('boxes of no size (hidden content) do not count', () => {
    expect(placeChip(POST, CHIP, [box(616, 54, 0, 0)], false).top).toBe(54);
  });

  test('every spot it returns clears every content box by 2 px, on random layouts', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 500; run++) {
      const content = Array.from({ length: Math.floor(rand() * 30) }, () =>
        box(100 + rand() * 560, 50 + rand() * 180, 5 + rand() * 200, 5 + rand() * 30),
      );
      const rtl = rand() < 0.5;
      const spot = placeChip(POST, CHIP, content, rtl);
      if (spot.compact) continue;
      const c = chipAt(spot);
      expect(c.left).toBeGreaterThanOrEqual(POST.left);
      expect(c.left + c.width).toBeLessThanOrEqual(POST.left + POST.width);
      expect(c.top).toBeGreaterThanOrEqual(POST.top);
      expect(c.top + c.height).toBeLessThanOrEqual(POST.top + POST.height);
      for (const b of content)
        expect(overlaps(box(c.left - 2, c.top - 2, c.width + 4, c.height + 4), b)).toBe(false);
    }
  });
});
