import { describe, expect, test } from 'vitest';
import {
  coerceSettings,
  DEFAULT_SETTINGS,
  getSettings,
  isPaused,
  settingsItem,
  updateSettings,
} from '@/utils/settings';

describe('coerceSettings', () => {
  test.each([
    ['undefined', undefined, DEFAULT_SETTINGS],
    ['a string', 'corrupt', DEFAULT_SETTINGS],
    ['an array', [1, 2], DEFAULT_SETTINGS],
    [
      'one bad field keeps the rest',
      { scope: 'all', marks: 'yes', pausedSites: ['x.com'] },
      { ...DEFAULT_SETTINGS, scope: 'all', pausedSites: ['x.com'] },
    ],
    ['unknown fields are dropped', { badge: false, evil: 1 }, { ...DEFAULT_SETTINGS, badge: false }],
  ])('%s', (_n, raw, expected) => {
    expect(coerceSettings(raw)).toEqual(expected);
  });
  test('__proto__ keys do not pollute', () => {
    const s = coerceSettings(JSON.parse('{"__proto__":{"polluted":true},"scope":"all"}'));
    expect(s.scope).toBe('all');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('settings storage', () => {
  test('reads defaults, writes a patch, survives corrupt storage', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    await updateSettings({ pausedSites: ['linkedin.com'] });
    expect((await getSettings()).pausedSites).toEqual(['linkedin.com']);
    await settingsItem.setValue('garbage' as never);
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });
  test.each([
    ['linkedin.com', 'www.linkedin.com', true],
    ['linkedin.com', 'de.linkedin.com', true],
    ['linkedin.com', 'notlinkedin.com', false],
  ])('paused %s covers %s: %s', (site, host, expected) => {
    expect(isPaused({ ...DEFAULT_SETTINGS, pausedSites: [site] }, host)).toBe(expected);
  });
});
