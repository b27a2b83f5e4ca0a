/**
 * Every source the popup cites can be opened: each concern names at least one source, and each
 * of them has an https address (the seed articles, with no known address, are never cited).
 */
import { describe, expect, test } from 'vitest';
import { CONCERN_SOURCES, SOURCES } from '@/utils/sources';

describe('sources', () => {
  test('every concern cites at least one source, each with an https address', () => {
    for (const [concern, keys] of Object.entries(CONCERN_SOURCES)) {
      expect(keys.length, concern).toBeGreaterThan(0);
      for (const key of keys) expect(SOURCES[key].url, `${concern}: ${key}`).toMatch(/^https:\/\/[^\s]+$/);
    }
  });
});
