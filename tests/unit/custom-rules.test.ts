import { describe, expect, test } from 'vitest';
import { exportCustomRules, importCustomRules } from '@/utils/custom-rules';
import { analyzeItem } from '@/utils/engine/analyze';
import { EMPTY_CUSTOM_RULES, withCustomRules } from '@/utils/engine/custom';
import { bundledRules } from '@/utils/engine/rules/bundled';
import { DEFAULT_SETTINGS, disabledKinds } from '@/utils/settings';

const item = (text: string, links: { href: string; text: string }[] = []) => ({
  id: 'i',
  text,
  links,
  labels: [],
  platform: 'x' as const,
});

describe('custom rules in the engine', () => {
  test('a custom product makes an unknown tool an AI product; a custom phrase is a disclosure', () => {
    const base = analyzeItem(item('Zorblax writes my emails now. Use code ZED10 #pubbli'), bundledRules());
    expect(base.topic).toBe('other');
    const rules = withCustomRules(bundledRules(), {
      phrases: [{ kind: 'disclosure', phrase: '#pubbli' }],
      products: [{ name: 'Zorblax', aliases: ['زوربلاكس'] }],
      links: [],
    });
    const f = analyzeItem(item('Zorblax writes my emails now. Use code ZED10 #pubbli'), rules);
    expect(f.topic).toBe('ai');
    expect(f.verdict).toBe('sponsored');
    expect(analyzeItem(item('جربت زوربلاكس اليوم'), rules).products).toContain('Zorblax');
  });
  test('a custom link rule marks a referral host', () => {
    const rules = withCustomRules(bundledRules(), {
      phrases: [],
      products: [],
      links: [{ name: 'Acme partners', host: 'go.acme.ai', param: 'p' }],
    });
    const f = analyzeItem(
      item('My favourite AI tool', [{ href: 'https://go.acme.ai/x?p=sam', text: 'acme' }]),
      rules,
    );
    expect(f.cues.map((c) => c.rule)).toContain('custom.link.0');
    expect(f.verdict).toBe('undisclosed');
  });
  test('phrases are literal: regex syntax in a phrase matches only itself', () => {
    const rules = withCustomRules(bundledRules(), {
      phrases: [{ kind: 'hype', phrase: '(a+)+ .*' }],
      products: [],
      links: [],
    });
    expect(analyzeItem(item('aaaa anything'), rules).cues.some((c) => c.rule.startsWith('custom'))).toBe(
      false,
    );
  });
  test('a custom product that repeats a bundled name stays the bundled entry, found once', () => {
    const rules = withCustomRules(bundledRules(), {
      phrases: [],
      products: [{ name: 'My GPT', aliases: ['ChatGPT', 'شات جي بي تي'] }],
      links: [],
    });
    for (const text of ['ChatGPT wrote this', 'كتب شات جي بي تي هذا النص']) {
      const f = analyzeItem(item(text), rules);
      expect(f.products).toEqual(analyzeItem(item(text), bundledRules()).products);
      expect(f.cues.filter((c) => c.kind === 'ai-product')).toHaveLength(1);
    }
    expect(analyzeItem(item('My GPT wrote this'), rules).products).toEqual(['My GPT']);
  });
  test('no custom rules returns the bundled rules unchanged', () => {
    expect(withCustomRules(bundledRules(), EMPTY_CUSTOM_RULES)).toBe(bundledRules());
  });
  test('switching a family off removes its cues from the verdict', () => {
    const text = 'Jasper AI is a game changer. Use code SARA20 for 20% off!';
    expect(analyzeItem(item(text), bundledRules()).verdict).toBe('undisclosed');
    const off = disabledKinds({
      ...DEFAULT_SETTINGS,
      families: { ...DEFAULT_SETTINGS.families, codes: false },
    });
    expect(analyzeItem(item(text), bundledRules(), { disabledKinds: off }).verdict).toBe('promotion');
  });
});

describe('import and export', () => {
  /** A rules file as Basira exports it, with `parts` in place of the empty lists (or the format). */
  const rulesFile = (parts: Record<string, unknown>) =>
    JSON.stringify({
      format: 'basira-custom-rules',
      version: 1,
      phrases: [],
      products: [],
      links: [],
      ...parts,
    });
  const current = { phrases: [{ kind: 'cta' as const, phrase: 'grab it' }], products: [], links: [] };
  test('round trip merges without duplicates and keeps what was there', () => {
    const file = exportCustomRules({ ...current, products: [{ name: 'Zorblax', aliases: [] }] });
    const result = importCustomRules(current, file);
    expect(result).toEqual({
      ok: true,
      added: 1,
      rules: { ...current, products: [{ name: 'Zorblax', aliases: [] }] },
    });
  });
  test.each([
    ['not JSON', '{nope', /not valid JSON/],
    ['wrong format', rulesFile({ format: 'other' }), /format/],
    [
      'bad entry named by path',
      rulesFile({
        phrases: [
          { kind: 'cta', phrase: 'ok' },
          { kind: 'evil', phrase: 'x' },
        ],
      }),
      /phrases\[1\]\.kind|phrases.1.kind/,
    ],
    ['bad host', rulesFile({ links: [{ name: 'x', host: 'not a host' }] }), /host name/],
    ['wrong types', rulesFile({ phrases: 'all' }), /phrases/],
    [
      '__proto__ key',
      '{"format":"basira-custom-rules","version":1,"phrases":[],"products":[],"links":[],"__proto__":{"x":1}}',
      /./,
    ],
    ['huge', 'x'.repeat(600 * 1024), /larger than/],
  ])('refuses %s with a readable error and loses nothing', (_n, raw, message) => {
    const result = importCustomRules(current, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
    expect(current.phrases).toEqual([{ kind: 'cta', phrase: 'grab it' }]);
  });
});
