/**
 * The settings backup: every setting goes out and comes back; a restore keeps what is here
 * (lists merged, twice is the same as once); a bad file is refused whole, with a message in
 * English and Arabic that names the setting and the entry.
 */
import { afterEach, describe, expect, test } from 'vitest';
import ar from '@/public/_locales/ar/messages.json';
import en from '@/public/_locales/en/messages.json';
import { exportCustomRules } from '@/utils/custom-rules';
import { EMPTY_FEEDBACK, mergeFeedback } from '@/utils/feedback';
import { setMessages, t } from '@/utils/i18n';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import {
  describeSettingsError,
  exportSettings,
  importSettings,
  MAX_SETTINGS_BYTES,
  type SettingsImportError,
} from '@/utils/settings-file';

const MINE: Settings = {
  ...DEFAULT_SETTINGS,
  scope: 'all',
  marks: false,
  language: 'ar',
  families: { disclosure: true, links: false, codes: true, pressure: false },
  pausedSites: ['news.example.org'],
  customRules: {
    phrases: [{ kind: 'disclosure', phrase: '#pubbli' }],
    products: [{ name: 'Zorblax', aliases: [] }],
    links: [],
  },
  feedback: {
    hidden: [{ key: 'k1', label: 'Jasper changed my life' }],
    muted: [{ author: '@maya', product: 'Jasper' }],
    noisy: [{ rule: 'cta.en', count: 2 }],
  },
};

const file = (settings: unknown) => JSON.stringify({ format: 'basira-settings', version: 1, settings });
const refused = (raw: string, current = DEFAULT_SETTINGS): SettingsImportError => {
  const r = importSettings(current, raw);
  if (r.ok) throw new Error('the file was accepted');
  return r.error;
};

afterEach(() => setMessages('', null));

describe('backup and restore', () => {
  test('a backup restored into fresh settings gives back every setting', () => {
    const r = importSettings(DEFAULT_SETTINGS, exportSettings(MINE));
    expect(r).toEqual({ ok: true, settings: MINE });
  });

  test("a restore takes the file's choices and adds its lists to the ones here; twice is the same as once", () => {
    const here: Settings = {
      ...DEFAULT_SETTINGS,
      pausedSites: ['mail.example.com'],
      customRules: { phrases: [], products: [{ name: 'Quillo', aliases: [] }], links: [] },
      feedback: {
        hidden: [{ key: 'k2', label: 'Another post' }],
        muted: [],
        noisy: [{ rule: 'cta.en', count: 5 }],
      },
    };
    const once = importSettings(here, exportSettings(MINE));
    if (!once.ok) throw new Error('refused');
    expect(once.settings.scope).toBe('all');
    expect(once.settings.marks).toBe(false);
    expect(once.settings.families).toEqual(MINE.families);
    expect(once.settings.pausedSites).toEqual(['mail.example.com', 'news.example.org']);
    expect(once.settings.customRules.products.map((p) => p.name)).toEqual(['Quillo', 'Zorblax']);
    expect(once.settings.feedback.hidden.map((h) => h.key)).toEqual(['k2', 'k1']);
    expect(once.settings.feedback.muted).toEqual(MINE.feedback.muted);
    // A noisy rule keeps the higher count: a restore never counts a report twice.
    expect(once.settings.feedback.noisy).toEqual([{ rule: 'cta.en', count: 5 }]);
    const twice = importSettings(once.settings, exportSettings(MINE));
    expect(twice).toEqual(once);
  });

  test('a file from an older Basira without some settings leaves those as they are', () => {
    const r = importSettings(MINE, file({ badge: false }));
    expect(r).toEqual({ ok: true, settings: { ...MINE, badge: false } });
  });

  test('a full address in the paused sites is reduced to its host, as the form does', () => {
    const r = importSettings(DEFAULT_SETTINGS, file({ pausedSites: ['https://www.Example.com/path?q=1'] }));
    expect(r.ok && r.settings.pausedSites).toEqual(['example.com']);
  });

  test('bad files are refused whole, naming the setting and the entry', () => {
    expect(refused('{ nope')).toEqual({ code: 'not-json' });
    expect(refused(JSON.stringify({ scope: 'all' }))).toEqual({ code: 'not-settings-file' });
    expect(refused(JSON.stringify({ format: 'basira-settings', version: 2, settings: {} }))).toEqual({
      code: 'not-settings-file',
    });
    expect(refused(exportCustomRules(MINE.customRules))).toEqual({ code: 'rules-file' });
    expect(refused(file({ scope: 'everything' }))).toEqual({ code: 'bad-setting', setting: 'scope' });
    expect(refused(file({ marks: 'yes' }))).toEqual({ code: 'bad-setting', setting: 'marks' });
    expect(refused(file({ pausedSites: ['ok.example', 'not a host'] }))).toEqual({
      code: 'bad-setting',
      setting: 'pausedSites',
      index: 1,
    });
    expect(refused(file({ feedback: { hidden: [], muted: [{ author: '' }], noisy: [] } }))).toEqual({
      code: 'bad-setting',
      setting: 'feedback',
      list: 'muted',
      index: 0,
    });
    expect(
      refused(
        file({ customRules: { phrases: [{ kind: 'sorcery', phrase: 'x' }], products: [], links: [] } }),
      ),
    ).toEqual({ code: 'rules', error: { code: 'bad-entry', list: 'phrases', index: 0, field: 'kind' } });
    expect(refused('x'.repeat(MAX_SETTINGS_BYTES + 1))).toEqual({ code: 'too-big', maxKb: 4096 });
  });

  test('a refused file leaves the settings exactly as they were', () => {
    const before = structuredClone(MINE);
    importSettings(MINE, file({ ...MINE, language: 'fr' }));
    expect(MINE).toEqual(before);
  });

  test('every refusal reads as plain words in English and Arabic, with no message key left raw', () => {
    const errors: SettingsImportError[] = [
      { code: 'not-json' },
      { code: 'rules-file' },
      { code: 'not-settings-file' },
      { code: 'too-big', maxKb: 4096 },
      ...(['scope', 'countPromotion', 'marks', 'badge', 'language', 'families'] as const).map(
        (setting) => ({ code: 'bad-setting', setting }) as const,
      ),
      { code: 'bad-setting', setting: 'pausedSites', index: 2 },
      { code: 'bad-setting', setting: 'feedback' },
      ...(['hidden', 'muted', 'noisy'] as const).map(
        (list) => ({ code: 'bad-setting', setting: 'feedback', list, index: 0 }) as const,
      ),
      { code: 'rules', error: { code: 'bad-entry', list: 'links', index: 0, field: 'host' } },
    ];
    for (const [lang, messages] of [
      ['en', en],
      ['ar', ar],
    ] as const) {
      setMessages(lang, messages);
      for (const e of errors) {
        const text = describeSettingsError(e, t);
        expect(text, JSON.stringify(e)).not.toMatch(/settings_|import_|\$/);
        if (lang === 'ar') expect(text).toMatch(/[\u0600-\u06FF]/);
      }
    }
    setMessages('en', en);
    expect(describeSettingsError({ code: 'bad-setting', setting: 'pausedSites', index: 2 }, t)).toBe(
      'entry 3 of the paused sites ("pausedSites") in the file: it must be a site\'s address or host name, such as example.com.',
    );
  });

  test('merging corrections keeps each once and the higher noisy count', () => {
    const a = { ...EMPTY_FEEDBACK, noisy: [{ rule: 'r', count: 1 }] };
    const b = { hidden: [{ key: 'k', label: '' }], muted: [], noisy: [{ rule: 'r', count: 3 }] };
    expect(mergeFeedback(a, b)).toEqual({ hidden: b.hidden, muted: [], noisy: [{ rule: 'r', count: 3 }] });
    expect(mergeFeedback(mergeFeedback(a, b), b)).toEqual(mergeFeedback(a, b));
  });
});
