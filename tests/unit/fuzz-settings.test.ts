/**
 * Fuzzing the person's own data: custom-rule imports (`importCustomRules`) and stored settings
 * (`coerceSettings`). Hostile files are refused readably or merged and what was there is never
 * lost; corrupt settings reset only what is corrupt. Seeded (tests/harness/fuzz.ts): a failure
 * names its seed and index, and `BASIRA_FUZZ_SEED=<n> npx vitest run tests/unit/fuzz-settings.test.ts`
 * replays it.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import en from '@/public/_locales/en/messages.json';
import {
  CustomRulesSchema,
  describeImportError,
  exportCustomRules,
  importCustomRules,
  MAX_IMPORT_BYTES,
} from '@/utils/custom-rules';
import type { CustomRules } from '@/utils/engine/custom';
import { setMessages, t } from '@/utils/i18n';
import {
  coerceSettings,
  DEFAULT_SETTINGS,
  type Settings,
  SettingsSchema,
  updateSettings,
} from '@/utils/settings';
import {
  chance,
  clone,
  expectNoPrototypePollution,
  int,
  neverThrows,
  pick,
  prng,
  type Rng,
  randomRulesFile,
  SEED,
} from '../harness/fuzz';

expectNoPrototypePollution();

const CURRENT: CustomRules = {
  phrases: [
    { kind: 'cta', phrase: 'grab it' },
    { kind: 'disclosure', phrase: '#pubbli' },
  ],
  products: [{ name: 'Zorblax', aliases: ['زوربلاكس'] }],
  links: [{ name: 'Acme', host: 'go.acme.ai', param: 'p' }],
};

beforeAll(() => setMessages('en', en));

describe('importCustomRules under fuzzing', () => {
  test('hostile files are refused readably or merged; what was there is never lost', () => {
    const r = prng(SEED ^ 0xc0de);
    const snapshot = clone(CURRENT);
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 600; i++) {
      const where = `seed ${SEED} import ${i}`;
      const raw = randomRulesFile(r);
      const result = neverThrows(where, 'importCustomRules', () => importCustomRules(CURRENT, raw));
      expect(CURRENT, `${where}: the current rules were modified`).toEqual(snapshot);
      if (result.ok) {
        accepted++;
        expect(z.safeParse(CustomRulesSchema, result.rules).success, where).toBe(true);
        for (const key of ['phrases', 'products', 'links'] as const) {
          expect(result.rules[key].slice(0, CURRENT[key].length), `${where}: ${key} kept`).toEqual(
            CURRENT[key],
          );
        }
        const total = (x: CustomRules) => x.phrases.length + x.products.length + x.links.length;
        expect(result.added, where).toBe(total(result.rules) - total(CURRENT));
      } else {
        refused++;
        const words = describeImportError(result.error, t);
        expect(words.trim().length, where).toBeGreaterThan(0);
        expect(words, where).not.toMatch(/\[object Object\]|undefined|import_/);
      }
    }
    expect(accepted, 'some fuzzed files are valid').toBeGreaterThan(10);
    expect(refused, 'and many are not').toBeGreaterThan(100);
  });

  test.each([
    ['top-level __proto__', `{"__proto__":{"polluted":true},${exportCustomRules(CURRENT).trim().slice(1)}`],
    [
      '__proto__ inside an entry',
      '{"format":"basira-custom-rules","version":1,"phrases":[{"kind":"cta","phrase":"x","__proto__":{"polluted":true}}],"products":[],"links":[]}',
    ],
    [
      'constructor.prototype',
      '{"format":"basira-custom-rules","version":1,"phrases":[],"products":[],"links":[],"constructor":{"prototype":{"polluted":true}}}',
    ],
    [
      'just over the size limit',
      JSON.stringify({
        format: 'basira-custom-rules',
        version: 1,
        phrases: [{ kind: 'cta', phrase: 'x'.repeat(MAX_IMPORT_BYTES) }],
        products: [],
        links: [],
      }),
    ],
    [
      '501 phrases',
      JSON.stringify({
        format: 'basira-custom-rules',
        version: 1,
        phrases: Array.from({ length: 501 }, (_, i) => ({ kind: 'cta', phrase: `p${i}` })),
        products: [],
        links: [],
      }),
    ],
    [
      'numbers for strings',
      '{"format":"basira-custom-rules","version":1,"phrases":[{"kind":"cta","phrase":1}],"products":[],"links":[]}',
    ],
    [
      'a 100,000-deep array',
      `{"format":"basira-custom-rules","version":1,"phrases":[${'['.repeat(100_000)}${']'.repeat(100_000)}],"products":[],"links":[]}`,
    ],
    ['not an object', '"basira-custom-rules"'],
    ['null', 'null'],
    ['empty', ''],
  ])('%s is refused with a readable error', (_name, raw) => {
    const snapshot = clone(CURRENT);
    const result = importCustomRules(CURRENT, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(describeImportError(result.error, t).trim().length).toBeGreaterThan(0);
    expect(CURRENT).toEqual(snapshot);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('coerceSettings under fuzzing', () => {
  const FIELDS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
  const validSettings = (r: Rng): Settings => ({
    scope: pick(r, ['ai', 'all'] as const),
    countPromotion: chance(r, 0.5),
    marks: chance(r, 0.5),
    badge: chance(r, 0.5),
    pausedSites: Array.from({ length: int(r, 0, 5) }, (_, i) => `site${i}.example`),
    language: pick(r, ['auto', 'en', 'ar'] as const),
    families: {
      disclosure: chance(r, 0.5),
      links: chance(r, 0.5),
      codes: chance(r, 0.5),
      pressure: chance(r, 0.5),
    },
    customRules: clone(CURRENT),
    feedback: {
      hidden: Array.from({ length: int(r, 0, 3) }, (_, i) => ({ key: `k${i}`, label: `post ${i}` })),
      muted: chance(r, 0.5) ? [{ author: '@maya', product: 'Jasper' }] : [],
      noisy: chance(r, 0.5) ? [{ rule: 'en.cta.push', count: int(r, 1, 9) }] : [],
    },
    memory: { on: chance(r, 0.5), retentionDays: int(r, 1, 365), keepPages: chance(r, 0.5) },
  });
  const HOSTILE: unknown[] = [
    null,
    undefined,
    'corrupt',
    42,
    Number.NaN,
    [],
    [1, 2, 3],
    {},
    JSON.parse('{"__proto__":{"polluted":true}}'),
    JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
    Array(100_000).fill('x'),
    'x'.repeat(1_000_000),
    { deep: JSON.parse(`${'['.repeat(5_000)}${']'.repeat(5_000)}`) },
  ];

  test('corrupting some fields resets only those; every other field survives', () => {
    const r = prng(SEED ^ 0x5e77);
    for (let i = 0; i < 1_000; i++) {
      const where = `seed ${SEED} settings ${i}`;
      const valid = validSettings(r);
      const raw: Record<string, unknown> = clone(valid);
      const corrupted = new Set<keyof Settings>();
      for (let k = int(r, 0, 3); k > 0; k--) {
        const field = pick(r, FIELDS);
        raw[field] = pick(r, HOSTILE);
        corrupted.add(field);
      }
      if (chance(r, 0.2))
        Object.defineProperty(raw, '__proto__', {
          value: { scope: 'all', polluted: true },
          enumerable: true,
        });
      if (chance(r, 0.2)) raw[pick(r, ['evil', 'constructor', 'toString'])] = { polluted: true };
      const out = neverThrows(where, 'coerceSettings', () => coerceSettings(raw));
      expect(z.safeParse(SettingsSchema, out).success, where).toBe(true);
      expect(Object.keys(out).sort(), where).toEqual([...FIELDS].sort());
      for (const field of FIELDS) {
        if (!corrupted.has(field)) expect(out[field], `${where}: ${field} survived`).toEqual(valid[field]);
      }
      expect(({} as Record<string, unknown>).polluted, where).toBeUndefined();
    }
  });

  test.each(HOSTILE.map((v, i) => [i, v]))('hostile value #%i as a whole gives the defaults', (_i, value) => {
    const out = coerceSettings(value);
    expect(z.safeParse(SettingsSchema, out).success).toBe(true);
    expect(out).toEqual(DEFAULT_SETTINGS);
  });

  test('one broken entry in each custom-rule list drops only that entry', () => {
    const r = prng(SEED ^ 0xbad);
    for (let i = 0; i < 200; i++) {
      const rules = clone(CURRENT) as unknown as Record<string, unknown[]>;
      const key = pick(r, ['phrases', 'products', 'links']);
      rules[key]!.splice(int(r, 0, rules[key]!.length), 0, pick(r, HOSTILE));
      const out = coerceSettings({ ...DEFAULT_SETTINGS, customRules: rules });
      expect(out.customRules, `seed ${SEED} custom ${i}`).toEqual(CURRENT);
    }
  });

  /** The paused-site list is the one list coerced whole: one bad entry costs all the others. */
  test('one broken paused site drops only that entry', () => {
    const sites = Array.from({ length: 50 }, (_, i) => `site${i}.example`);
    for (const bad of [42, null, 'x'.repeat(254), { host: 'a.com' }]) {
      const out = coerceSettings({
        ...DEFAULT_SETTINGS,
        pausedSites: [...sites.slice(0, 25), bad, ...sites.slice(25)],
      });
      expect(out.pausedSites, `with ${JSON.stringify(bad).slice(0, 20)}`).toEqual(sites);
    }
  });

  test('pausing a site beyond the 5,000 limit does not erase the paused list', async () => {
    const sites = Array.from({ length: 5_000 }, (_, i) => `site${i}.example`);
    await updateSettings({ pausedSites: sites });
    // What the popup's "Pause on this site" does (utils/ui/popup-actions.ts → withPause).
    const next = await updateSettings({ pausedSites: [...sites, 'one-more.example'] });
    expect(next.pausedSites.length, 'paused sites after one more').toBeGreaterThanOrEqual(5_000);
  });
});
