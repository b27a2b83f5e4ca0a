/**
 * The extension embeds rules prepared at build time (modules/prepared-rules.ts) and only
 * instantiates them on a page. These tests hold that split to the rules the CLI compiles.
 */
import type { Plugin } from 'vite';
import { describe, expect, test } from 'vitest';
import { PREPARED_RULES_ID, preparedModule, preparedRulesPlugin } from '@/modules/prepared-rules';
import { analyzeItem } from '@/utils/engine/analyze';
import {
  expandProperties,
  instantiatePatterns,
  normalizePatternSource,
  preparePatterns,
  splitLead,
} from '@/utils/engine/patterns';
import { loadBundledPacks, prepareBundledRules } from '@/utils/engine/rules/bundled';
import { type CompiledRules, compileRules, instantiateRules } from '@/utils/engine/rules/compile';

/** A comparable picture of compiled rules: regexes as source and flags, sets and maps as sorted lists. */
function picture(value: unknown): unknown {
  if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
  if (value instanceof Set) return [...value].map(picture).sort();
  if (value instanceof Map) return [...value].map(([k, v]) => [k, picture(v)]).sort();
  if (Array.isArray(value)) return value.map(picture);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, picture(v)]),
    );
  }
  return value;
}

/** Every non-plain value in prepared data (it must survive JSON unchanged). */
function nonJson(value: unknown, path = '$'): string[] {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonJson(v, `${path}[${i}]`));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value as object).flatMap(([k, v]) => nonJson(v, `${path}.${k}`));
  }
  return [path];
}

const item = (text: string) => ({ id: 'i', text, links: [], labels: [], platform: 'x' as const });

describe('prepared rules', () => {
  const { languages, links, lexicon, style } = loadBundledPacks();
  const prepared = prepareBundledRules();

  test('are plain data that survives JSON', () => {
    expect(nonJson(prepared)).toEqual([]);
    expect(JSON.parse(JSON.stringify(prepared))).toEqual(prepared);
  });

  test('instantiate, after a JSON round trip, to exactly the rules the CLI compiles', () => {
    const direct: CompiledRules = compileRules(languages, links, lexicon, style);
    const embedded = instantiateRules(JSON.parse(JSON.stringify(prepared)));
    expect(picture(embedded)).toEqual(picture(direct));
    // And they judge alike, down to the cue spans.
    for (const text of [
      'ChatGPT changed my workflow. Use my code SAVE20 at the link in bio! #ad',
      'جربت شات جي بي تي اليوم، استخدم كود خصم AI20 والرابط في البايو',
      'Claude Monet painted water lilies.',
    ]) {
      expect(analyzeItem(item(text), embedded)).toEqual(analyzeItem(item(text), direct));
    }
  });

  test('carry no author-only fields (examples, descriptions of packs)', () => {
    // Field names at any depth, except the model's weights, whose keys are the words it learned.
    const keys = (value: unknown): string[] => {
      if (Array.isArray(value)) return value.flatMap(keys);
      if (!value || typeof value !== 'object') return [];
      return Object.entries(value).flatMap(([k, v]) => [k, ...(k === 'weights' ? [] : keys(v))]);
    };
    const names = new Set(keys(prepared));
    for (const field of ['examples', 'noMatch', 'criteria', 'training'])
      expect(names.has(field), field).toBe(false);
  });
});

describe('packed pattern sources', () => {
  test('expand to the sources compiled in place', () => {
    const sources = [
      '\\bsponsored by\\b',
      '(?<![\\p{L}\\p{N}_])إعلان(?![\\p{L}\\p{N}_])',
      'code [A-Z0-9]{4,12}',
    ];
    for (const source of sources) {
      const { body } = splitLead(expandProperties(normalizePatternSource(source)));
      const [re] = instantiatePatterns(preparePatterns([source]));
      expect(re!.re.source).toBe(`(?:${body})`);
    }
    const [long] = preparePatterns(['\\bsponsored\\b']);
    expect(long!.packed).toBe(true);
    expect(long!.source.length).toBeLessThan(40);
  });

  test('a source that already holds a placeholder character is kept whole and still matches', () => {
    const [p] = preparePatterns(['\\bx\uE000y']);
    expect(p!.packed).toBeUndefined();
    const [re] = instantiatePatterns([p!]);
    expect(re!.re.test('a x\uE000y')).toBe(true);
  });
});

describe('the build step', () => {
  type Ctx = { error: (m: string) => never; addWatchFile: (f: string) => void };
  type Hook<A extends unknown[], R> = (this: Ctx, ...args: A) => R;
  const plugin = preparedRulesPlugin();
  const resolveId = plugin.resolveId as unknown as Hook<[string], string | null>;
  const load = plugin.load as unknown as Hook<[string], { code: string } | null>;
  const transform = plugin.transform as unknown as Hook<[string, string], null>;
  const watched: string[] = [];
  const ctx: Ctx = {
    error: (m: string): never => {
      throw new Error(m);
    },
    addWatchFile: (f) => watched.push(f),
  };

  test('answers the virtual module with the prepared rules, as one object literal', () => {
    const id = resolveId.call(ctx, PREPARED_RULES_ID);
    expect(id).toBeTruthy();
    const out = load.call(ctx, id!);
    expect(out?.code).toBe(preparedModule(prepareBundledRules()));
    const literal = out!.code.match(/^export default (\{.*\});\n$/s)?.[1];
    expect(JSON.parse(literal!)).toEqual(prepareBundledRules());
    expect(out!.code).not.toMatch(/packs\/|\.json/);
    // `wxt dev` rebuilds when a pack changes.
    expect(watched.map((f) => f.replace(/.*packs[\\/]/, '')).sort()).toEqual(
      ['ai-lexicon', 'ar', 'de', 'en', 'es', 'fr', 'links', 'style-model'].map((n) => `${n}.json`),
    );
  });

  test('leaves every other module id alone', () => {
    expect(resolveId.call(ctx, '/repo/utils/engine/rules/bundled.ts')).toBeNull();
    expect(load.call(ctx, '/repo/utils/engine/rules/bundled.ts')).toBeNull();
  });

  test('refuses a pack imported into the extension directly, and leaves other modules alone', () => {
    expect(() => transform.call(ctx, '{}', '/repo/utils/engine/packs/en.json')).toThrow(/shippedRules/);
    expect(transform.call(ctx, 'export {}', '/repo/utils/engine/analyze.ts')).toBeNull();
  });

  test('is a pre plugin, so it sees pack imports before JSON is turned into a module', () => {
    expect((preparedRulesPlugin() as Plugin).enforce).toBe('pre');
  });
});
