import { describe, expect, test } from 'vitest';
import ar from '@/public/_locales/ar/messages.json';
import en from '@/public/_locales/en/messages.json';
import { describeImportError, exportCustomRules, importCustomRules } from '@/utils/custom-rules';
import { analyzeItem } from '@/utils/engine/analyze';
import { EMPTY_CUSTOM_RULES, withCustomRules } from '@/utils/engine/custom';
import { bundledRules } from '@/utils/engine/rules/bundled';
import { setMessages, t } from '@/utils/i18n';
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
  test('a full address as a link host is reduced to its host', () => {
    const result = importCustomRules(
      current,
      rulesFile({ links: [{ name: 'J', host: 'https://www.jasper.ai/?fpr=x' }] }),
    );
    expect(result.ok && result.rules.links).toEqual([{ name: 'J', host: 'jasper.ai' }]);
  });
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
    ['not JSON', '{nope', { code: 'not-json' }, 'The file is not JSON'],
    ['wrong format', rulesFile({ format: 'other' }), { code: 'not-rules-file' }, 'not a Basira rules file'],
    [
      'bad entry, named with what is allowed',
      rulesFile({
        phrases: [
          { kind: 'cta', phrase: 'ok' },
          { kind: 'evil', phrase: 'x' },
        ],
      }),
      { code: 'bad-entry', list: 'phrases', index: 1, field: 'kind' },
      'Entry 2 of the phrases: its type must be one of: Disclosure',
    ],
    [
      'bad host',
      rulesFile({ links: [{ name: 'x', host: 'not a host' }] }),
      { code: 'bad-entry', list: 'links', index: 0, field: 'host' },
      'Entry 1 of the link patterns: the host must be a host name such as example.com',
    ],
    ['wrong types', rulesFile({ phrases: 'all' }), { code: 'not-rules-file' }, 'not a Basira rules file'],
    [
      '__proto__ key',
      '{"format":"basira-custom-rules","version":1,"phrases":[],"products":[],"links":[],"__proto__":{"x":1}}',
      { code: 'not-rules-file' },
      'not a Basira rules file',
    ],
    ['huge', 'x'.repeat(600 * 1024), { code: 'too-big', maxKb: 512 }, 'larger than 512 KB'],
  ])('refuses %s in plain words and loses nothing', (_n, raw, error, words) => {
    setMessages('en', en);
    const result = importCustomRules(current, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toEqual(error);
      expect(describeImportError(result.error, t)).toContain(words);
      setMessages('ar', ar);
      expect(describeImportError(result.error, t)).toMatch(/[\u0600-\u06ff]/);
      setMessages('', null);
    }
    expect(current.phrases).toEqual([{ kind: 'cta', phrase: 'grab it' }]);
  });
});
