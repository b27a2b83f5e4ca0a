/**
 * Fuzzing the rule-pack loaders (`loadLanguagePack`, `loadLinkPack`, `loadLexicon`) with random
 * values and mutated packs: each loads or is refused with a readable error, never throws, never
 * hangs and pollutes nothing. Seeded (tests/harness/fuzz.ts): a failure names its seed and index,
 * and `BASIRA_FUZZ_SEED=<n> npx vitest run tests/engine/rules/fuzz-packs.test.ts` replays it.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadLanguagePack, loadLexicon, loadLinkPack } from '@/utils/engine/rules/load';
import {
  chance,
  clone,
  expectNoPrototypePollution,
  ITEM_CAP_MS,
  int,
  neverThrows,
  PATTERNS_BAD,
  packs,
  pick,
  prng,
  type Rng,
  randomText,
  randomValue,
  SEED,
} from '../../harness/fuzz';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Unclosed `\p{` / `\u{`: covered by its own test (they hang the loader; see below). */
const PATTERNS_UNCLOSED = ['\\p{L', 'ai\\p{', '\\u{41', '\\P{Script=Latin'];
/** A closed but invalid escape: the same child-process check, answered at once (the control). */
const PATTERN_CLOSED_CONTROL = '\\p{Nope}';
/** Whether any string in a value holds an unclosed `\p{`, `\P{` or `\u{` escape. */
function unclosedEscape(value: unknown): boolean {
  if (typeof value === 'string') return /\\[pPu]\{[^}]*$/.test(value);
  if (value && typeof value === 'object') return Object.values(value).some(unclosedEscape);
  return false;
}

expectNoPrototypePollution();

const LANGUAGE = clone(packs.languages.find((p) => p.lang === 'en')!);
const LINKS = clone(packs.links);
const LEXICON = clone(packs.lexicon);

/** Applies one random mutation somewhere inside `root` (a JSON tree). */
function mutate(r: Rng, root: Json): Json {
  if (chance(r, 0.05)) return randomValue(r) as Json;
  // Walk to a random container.
  let node: Json = root;
  for (let d = 0; d < int(r, 0, 5); d++) {
    const kids: Json[] = Array.isArray(node)
      ? node
      : node && typeof node === 'object'
        ? Object.values(node)
        : [];
    const next = kids.filter((k) => k !== null && typeof k === 'object');
    if (next.length === 0) break;
    node = pick(r, next);
  }
  if (Array.isArray(node)) {
    const op = int(r, 0, 5);
    if (op === 0 && node.length) node.splice(int(r, 0, node.length - 1), 1);
    else if (op === 1 && node.length)
      node.push(clone(pick(r, node))); // duplicate (ids too)
    else if (op === 2) node.push(randomValue(r) as Json);
    else if (op === 3 && node.length) node[int(r, 0, node.length - 1)] = randomValue(r) as Json;
    else if (op === 4 && node.length) for (let i = 0; i < 2_000; i++) node.push(clone(node[0]!));
    else if (node.length) node.length = 0;
  } else if (node && typeof node === 'object') {
    const keys = Object.keys(node);
    const op = int(r, 0, 4);
    if (op === 0 && keys.length) delete node[pick(r, keys)];
    else if (op === 1 && keys.length) node[pick(r, keys)] = randomValue(r) as Json;
    else if (op === 2)
      Object.defineProperty(
        node,
        pick(r, ['__proto__', 'constructor', 'prototype', 'polluted', 'toString']),
        {
          value: { polluted: true, toString: 1 },
          enumerable: true,
          writable: true,
          configurable: true,
        },
      );
    else if (op === 3 && 'patterns' in node && Array.isArray(node.patterns))
      node.patterns.push(pick(r, PATTERNS_BAD));
    else if (keys.length) {
      const k = pick(r, keys);
      const v = node[k];
      if (typeof v === 'string')
        node[k] = pick(r, [...PATTERNS_BAD, '', v.repeat(200), randomText(r).slice(0, 300)]);
    }
  }
  return root;
}

const LOADERS = [
  ['language pack', loadLanguagePack, LANGUAGE],
  ['link pack', loadLinkPack, LINKS],
  ['AI lexicon', loadLexicon, LEXICON],
] as const;

function expectRefusedOrValid(result: ReturnType<(typeof LOADERS)[number][1]>, name: string, where: string) {
  if (result.ok) return;
  expect(typeof result.error, where).toBe('string');
  expect(result.error.length, where).toBeGreaterThan(0);
  expect(result.error, where).toContain(name);
  expect(result.error, where).not.toContain('[object Object]');
}

describe('rule-pack loaders under fuzzing', () => {
  test.each(LOADERS)('%s: random values are refused with a readable error, never thrown', (name, load) => {
    const r = prng(SEED ^ name.length);
    for (let i = 0; i < 400; i++) {
      const where = `seed ${SEED} ${name} random ${i}`;
      const input = randomValue(r);
      if (unclosedEscape(input)) continue;
      const result = neverThrows(where, 'the loader', () => load(input, `fuzz-${i}`));
      expect(result.ok, where).toBe(false);
      expectRefusedOrValid(result, `fuzz-${i}`, where);
    }
  });

  test.each(LOADERS)(
    '%s: mutated packs load or are refused readably, never thrown',
    (name, load, valid) => {
      const r = prng(SEED ^ (name.length * 31));
      expect(load(clone(valid), 'pristine').ok).toBe(true);
      let refused = 0;
      for (let i = 0; i < 300; i++) {
        const where = `seed ${SEED} ${name} mutation ${i}`;
        let input: Json = clone(valid as unknown as Json);
        for (let k = int(r, 1, 3); k > 0; k--) input = mutate(r, input);
        if (unclosedEscape(input)) continue;
        const result = neverThrows(where, 'the loader', () => load(input, `mutant-${i}`));
        if (!result.ok) refused++;
        expectRefusedOrValid(result, `mutant-${i}`, where);
      }
      expect(refused, 'most mutations break a pack').toBeGreaterThan(50);
    },
    60_000,
  );

  const withPattern = (p: string) => ({
    ...clone(LANGUAGE),
    rules: [{ ...clone(LANGUAGE.rules[0]!), patterns: [p] }],
  });
  const withLinkRegex = (field: 'paramValue' | 'path' | 'hostPattern', p: string) => ({
    ...clone(LINKS),
    rules: [{ ...clone(LINKS.rules[0]!), [field]: p }],
  });
  const withRedirectorPath = (p: string) => ({
    ...clone(LINKS),
    redirectors: [{ ...clone(LINKS.redirectors[0]!), path: p }],
  });

  test.each(PATTERNS_BAD)('pattern %s is refused by every regex field', (p) => {
    const results = [
      loadLanguagePack(withPattern(p), 'lang'),
      loadLinkPack(withLinkRegex('paramValue', p), 'links'),
      loadLinkPack(withLinkRegex('path', p), 'links'),
      loadLinkPack(withLinkRegex('hostPattern', p), 'links'),
      loadLinkPack(withRedirectorPath(p), 'links'),
    ];
    for (const result of results) {
      expect(result.ok, p).toBe(false);
      if (!result.ok) expect(result.error).toContain(JSON.stringify(p));
    }
  });

  /**
   * Exponential and polynomial backtracking that the static check (`backtrackingRisk`) does not
   * see: alternatives that match the same text inside a quantified group, and adjacent unbounded
   * quantifiers over the same characters. Measured in V8: `(?:a|a)+$` takes ~2 s on 24 `a`s and
   * doubles with each one more; `(?:a|aa)+$` ~23 s on 40.
   */
  test.each(['(?:a|a)+$', '(?:a|aa)+$', '\\w*\\w*\\w*$'])('catastrophic pattern %s is refused', (p) => {
    const result = loadLanguagePack(withPattern(p), 'lang');
    expect(result.ok, `the loader accepted ${p}`).toBe(false);
  });

  test('__proto__ and constructor keys are refused and pollute nothing', () => {
    for (const [name, load, valid] of LOADERS) {
      const raw = JSON.stringify(valid).replace(
        /^\{/,
        '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
      );
      const result = load(JSON.parse(raw), name);
      expect(result.ok, name).toBe(false);
      const nested = JSON.parse(
        JSON.stringify(valid).replace('"id":', '"__proto__":{"polluted":true},"id":'),
      );
      expect(load(nested, name).ok, `${name} nested`).toBe(false);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    }
  });

  test('huge arrays are refused or loaded without throwing, in bounded time', () => {
    const rule = LANGUAGE.rules[0]!;
    const cases: [string, () => ReturnType<(typeof LOADERS)[number][1]>][] = [
      [
        '50,000 patterns',
        () =>
          loadLanguagePack({ ...clone(LANGUAGE), rules: [{ ...rule, patterns: Array(50_000).fill('a') }] }),
      ],
      [
        '20,000 duplicate rules',
        () => loadLanguagePack({ ...clone(LANGUAGE), rules: Array(20_000).fill(rule) }),
      ],
      [
        '100,000 stopwords',
        () => loadLanguagePack({ ...clone(LANGUAGE), stopwords: Array(100_000).fill('the') }),
      ],
      ['100,000 redirectors', () => loadLinkPack({ ...clone(LINKS), redirectors: Array(100_000).fill(42) })],
      [
        '50,000 lexicon entries (duplicates)',
        () => loadLexicon({ ...clone(LEXICON), entries: Array(50_000).fill(LEXICON.entries[0]) }),
      ],
      ['a 1 MB description', () => loadLexicon({ ...clone(LEXICON), description: 'x'.repeat(1 << 20) })],
    ];
    for (const [name, run] of cases) {
      const start = performance.now();
      const result = run();
      const ms = performance.now() - start;
      expect(result.ok, name).toBe(false);
      expect(ms, `${name}: ${ms.toFixed(0)} ms`).toBeLessThan(ITEM_CAP_MS * 5);
    }
  });

  /**
   * `normalizePatternSource` jumps to the `}` closing a `\p{`/`\u{` escape; with none, `indexOf`
   * is -1 and the loop restarts at 0 forever. Run in a child process so a hang fails this test
   * instead of freezing the suite.
   */
  test.each([PATTERN_CLOSED_CONTROL, ...PATTERNS_UNCLOSED])(
    'escape %s is refused, not an endless loop',
    (p) => {
      const load = resolve(__dirname, '../../../utils/engine/rules/load.ts');
      const pack = JSON.stringify(withPattern(p));
      const child = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          `import { loadLanguagePack } from ${JSON.stringify(load)};
         process.stdout.write(JSON.stringify(loadLanguagePack(${pack}, 'lang')));`,
        ],
        { timeout: 5_000, encoding: 'utf8', cwd: resolve(__dirname, '../../..') },
      );
      expect(child.error?.message ?? '', `loadLanguagePack did not return within 5 s for ${p}`).toBe('');
      const result = JSON.parse(child.stdout);
      expect(result.ok).toBe(false);
      expect(result.error).toContain(JSON.stringify(p));
    },
  );
});
