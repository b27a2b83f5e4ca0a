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

describe('migrations', () => {
  test('v1 → v2 adds families and empty custom rules, keeps everything else (no corrections or memory settings yet)', async () => {
    const { SETTINGS_MIGRATIONS } = await import('@/utils/settings');
    const v1 = {
      scope: 'all',
      countPromotion: false,
      marks: false,
      badge: true,
      pausedSites: ['x.com'],
      language: 'ar',
    };
    const v2 = SETTINGS_MIGRATIONS[2]!(v1);
    expect(coerceSettings(v2)).toEqual({
      ...v1,
      families: DEFAULT_SETTINGS.families,
      customRules: { phrases: [], products: [], links: [] },
      feedback: { hidden: [], muted: [], noisy: [] },
      memory: { on: true, retentionDays: 90, keepPages: false },
    });
  });
  test('memory settings: each valid field survives a broken neighbour', () => {
    expect(coerceSettings({ memory: { on: false, retentionDays: -3, keepPages: 'yes' } }).memory).toEqual({
      on: false,
      retentionDays: 90,
      keepPages: false,
    });
    expect(coerceSettings({ memory: 'corrupt' }).memory).toEqual(DEFAULT_SETTINGS.memory);
    expect(coerceSettings({ memory: { on: true, retentionDays: 30.5, keepPages: true } }).memory).toEqual({
      on: true,
      retentionDays: 90,
      keepPages: true,
    });
  });
  test('a stored v1 value is migrated when read', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    await fakeBrowser.storage.local.set({
      settings: { scope: 'all', pausedSites: ['a.com'] },
      settings$: { v: 1 },
    });
    const s = await getSettings();
    expect(s.scope).toBe('all');
    expect(s.pausedSites).toEqual(['a.com']);
    expect(s.families).toEqual(DEFAULT_SETTINGS.families);
  });
  test('one broken custom rule is dropped, the others kept', () => {
    const s = coerceSettings({
      customRules: {
        phrases: [
          { kind: 'cta', phrase: 'grab it' },
          { kind: 'nope', phrase: 1 },
        ],
        products: 'x',
        links: [],
      },
      families: { links: false, codes: 'maybe' },
    });
    expect(s.customRules.phrases).toEqual([{ kind: 'cta', phrase: 'grab it' }]);
    expect(s.families).toEqual({ ...DEFAULT_SETTINGS.families, links: false });
  });
});
