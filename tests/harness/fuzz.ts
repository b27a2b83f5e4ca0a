/**
 * Shared generators for the fuzz tests (tests/engine/fuzz.test.ts, tests/engine/rules/fuzz-packs.test.ts,
 * tests/unit/fuzz-settings.test.ts): a seeded random source (mulberry32), random page text drawn
 * from the bundled packs' own vocabulary and every odd thing a page can hold, and random JSON-like
 * values. Every run is seeded: a failure names its seed and index, and
 * `BASIRA_FUZZ_SEED=<n> npx vitest run <file>` replays it or explores another seed.
 */
import { afterAll, expect } from 'vitest';
import { loadBundledPacks } from '@/utils/engine/rules/bundled';

export const SEED = Number(process.env.BASIRA_FUZZ_SEED ?? 0x5eed_ba51);
export type Rng = () => number;

/** mulberry32: small, fast, and the same sequence on every machine. */
export function prng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
export const chance = (r: Rng, p: number) => r() < p;
export const cp = (n: number) => String.fromCodePoint(n);
/** A deep copy through JSON; `undefined` (a mutation may leave one in an array) stays itself. */
export const clone = <T>(x: T): T => (x === undefined ? x : JSON.parse(JSON.stringify(x)));

/** A run's time limit per item: a catastrophic-backtracking guard, not a speed target. */
export const ITEM_CAP_MS = 2_000;

/** Runs `fn`; if it throws, fails naming the run (`where`) and what threw. */
export function neverThrows<T>(where: string, what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new Error(`${where}: ${what} threw ${(e as Error).stack}`);
  }
}

/** After the file's tests: no fuzzed input added to, or polluted, `Object.prototype`. */
export function expectNoPrototypePollution(): void {
  const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
  const before = prototypeKeys();
  afterAll(() => {
    expect(prototypeKeys()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
}

// ---------------------------------------------------------------------------------------------
// Vocabulary from the bundled packs, so random posts reach deep into the detectors.

export const packs = loadBundledPacks();
const PHRASES = [
  ...packs.languages.flatMap((p) => p.rules.flatMap((r) => [...r.examples.match, ...r.examples.noMatch])),
  ...packs.lexicon.entries.flatMap((e) => e.examples.match),
];
const KEYWORDS = packs.languages.flatMap((p) =>
  p.rules.flatMap((r) => r.keywords.map((k) => k.replace(/\*$/, ''))),
);
export const PRODUCTS = packs.lexicon.entries.flatMap((e) => [...e.aliases, ...e.ar]);
export const URLS = [
  ...packs.links.rules.flatMap((r) => r.examples.match),
  ...packs.links.redirectors.flatMap((r) => r.examples.unwrap.map(([href]) => href)),
];
const ARABIC_PHRASES = PHRASES.filter((p) => /[\u0600-\u06ff]/.test(p));

const ZERO_WIDTH = [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x180e, 0x2061, 0x2064];
const BIDI = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c];
const LOOKALIKE: Record<string, string> = {
  a: 'а',
  e: 'е',
  o: 'о',
  p: 'р',
  c: 'с',
  x: 'х',
  y: 'у',
  i: 'і',
  s: 'ѕ',
};
const EMOJI = ['👩‍💻', '🇸🇦', '👍🏽', '#️⃣', '🚀', '🤖', '🔥', '💸', '🧑🏿‍🚀', '🏳️‍🌈', '\u{1FAE0}', '\u{1F9FF}'];

const withLookalikes = (s: string) => s.replace(/[aeopcxyis]/g, (ch) => LOOKALIKE[ch] ?? ch);
const fullWidth = (s: string) =>
  s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x21 + 0xff01));
const mathBold = (s: string) =>
  s.replace(/[A-Za-z]/g, (ch) =>
    cp(ch <= 'Z' ? 0x1d400 + ch.charCodeAt(0) - 65 : 0x1d41a + ch.charCodeAt(0) - 97),
  );
const splitWith = (r: Rng, s: string, chars: readonly number[]) =>
  [...s].map((ch) => ch + (chance(r, 0.6) ? cp(pick(r, chars)) : '')).join('');
const arabicNoise = (r: Rng, s: string) =>
  [...s]
    .map((ch) => ch + (chance(r, 0.5) ? cp(int(r, 0x064b, 0x0652)) : '') + (chance(r, 0.2) ? 'ـــ' : ''))
    .join('');

/** Text fragments: ordinary words, the packs' own phrases, and every odd thing a page can hold. */
const FRAGMENTS: ((r: Rng) => string)[] = [
  (r) => pick(r, PHRASES),
  (r) => pick(r, PHRASES),
  (r) => pick(r, KEYWORDS),
  (r) => pick(r, PRODUCTS),
  (r) => Array.from({ length: int(r, 1, 12) }, () => cp(int(r, 97, 122))).join(''),
  (r) => Array.from({ length: int(r, 2, 9) }, () => cp(int(r, 0x0621, 0x064a))).join(''),
  (r) => arabicNoise(r, ARABIC_PHRASES.length ? pick(r, ARABIC_PHRASES) : 'إعلان مدفوع'),
  (r) => pick(r, EMOJI),
  (r) => cp(int(r, 0x1f300, 0x1faff)),
  (r) => cp(pick(r, ZERO_WIDTH)),
  (r) => cp(pick(r, BIDI)),
  (r) => splitWith(r, pick(r, PHRASES), ZERO_WIDTH),
  (r) => `${pick(r, BIDI.map(cp))}${pick(r, PHRASES)}${cp(0x202c)}`,
  (r) =>
    cp(int(r, 97, 122)) + Array.from({ length: int(r, 1, 300) }, () => cp(int(r, 0x0300, 0x036f))).join(''),
  (r) => String.fromCharCode(int(r, 0xd800, 0xdfff)), // a lone surrogate half
  (r) => withLookalikes(pick(r, PHRASES)),
  (r) => fullWidth(pick(r, PHRASES)),
  (r) => mathBold(pick(r, PHRASES)),
  (r) => pick(r, URLS),
  (r) =>
    `https://${'a'.repeat(int(r, 1, 60))}.example/${'p/'.repeat(int(r, 0, 2000))}?ref=${'x'.repeat(int(r, 0, 3000))}`,
  (r) => Array.from({ length: int(r, 6, 40) }, () => `#${pick(r, KEYWORDS).replace(/\s+/g, '')}`).join(' '),
  (r) => pick(r, ['"', '«', '»', '“', '”', '„', "'", '`']),
  (r) => pick(r, ['\n', '\r\n', '\t', '\u2028', '\u2029', '\u0000', '\u0085', '\u00a0', '\u000b', '\f']),
  (r) => cp(int(r, 0, 0x10ffff)),
  (r) => String.fromCharCode(int(r, 0, 0xffff)),
  (r) => '٠١٢٣٤٥٦٧٨٩۰۱۲'.slice(0, int(r, 1, 13)),
  (r) =>
    pick(r, [
      '<script>window.x=1</script>',
      '<img src=x onerror=alert(1)>',
      '&amp;&lt;',
      '$' + '{x}',
      '%s%n',
    ]),
  (r) =>
    pick(r, ['-', '.', '#', '@', '/', ':', '_', 'a-', '-a.', 'ab.', '!', '?', ' ']).repeat(int(r, 100, 6000)),
  (r) => `${pick(r, PHRASES)} `.repeat(int(r, 10, 400)),
  (r) => `use code ${'A'.repeat(int(r, 1, 200))} `,
];

export function randomText(r: Rng): string {
  const parts: string[] = [];
  let length = 0;
  const n = int(r, 1, chance(r, 0.1) ? 400 : 30);
  for (let i = 0; i < n && length < 70_000; i++) {
    const f = pick(r, FRAGMENTS)(r);
    parts.push(f);
    length += f.length;
  }
  return parts.join(pick(r, [' ', '', '\n', ' \u200b']));
}

/** A random JSON-like value (with `undefined`, NaN, odd keys and bad patterns), up to 4 deep. */
export function randomValue(r: Rng, depth = 0): unknown {
  const roll = int(r, 0, depth > 3 ? 7 : 11);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return chance(r, 0.5);
    case 2:
      return pick(r, [0, -1, 1, 1.5, 1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 53 + 1]);
    case 3:
      return randomText(r).slice(0, int(r, 0, 600));
    case 4:
      return pick(r, ['', 'en', 'ar', 'und', 'x'.repeat(1000), '__proto__', 'constructor', 'toString']);
    case 5:
      return pick(r, PATTERNS_BAD);
    case 6:
      return undefined;
    case 7:
      return pick(r, ['disclosure', 'affiliate', 'product', 'ftc-101', 'https://example.org/x']);
    case 8:
    case 9:
      return Array.from({ length: int(r, 0, 5) }, () => randomValue(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = int(r, 0, 5); i > 0; i--) {
        Object.defineProperty(o, pick(r, KEYS), {
          value: randomValue(r, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return o;
    }
  }
}

const KEYS = [
  'id',
  'lang',
  'version',
  'description',
  'stopwords',
  'rules',
  'kind',
  'patterns',
  'keywords',
  'weight',
  'concerns',
  'sources',
  'examples',
  'match',
  'noMatch',
  'redirectors',
  'host',
  'hosts',
  'param',
  'params',
  'paramValue',
  'path',
  'hostPattern',
  'name',
  'entries',
  'aliases',
  'ar',
  'ambiguous',
  'context',
  'exclude',
  'vendor',
  'criteria',
  'contextWords',
  'unwrap',
  '__proto__',
  'constructor',
  'prototype',
  '$schema',
];

/** Patterns a loader must refuse: invalid, capturing, or catastrophic. */
export const PATTERNS_BAD = [
  '(a+)+$',
  '(?:x*)*',
  '(?:a+)+b',
  '(?:\\w+\\s?)+$',
  '(?:.*)*',
  '(?:a*)+',
  '(?:a{1,}){2,}',
  '(',
  ')',
  '(?:',
  '[',
  'a{2,1}',
  '\\',
  '*',
  'a**',
  '(?<x',
  '\\p{Nope}',
  '\\u{110000}',
  '(ab)',
];

/** A custom-rules file as a person might import it: mostly valid, sometimes hostile or broken. */
export function randomRulesFile(r: Rng): string {
  const valid = (key: 'phrases' | 'products' | 'links'): unknown =>
    ({
      phrases: {
        kind: pick(r, ['cta', 'hype', 'disclosure', 'urgency']),
        phrase: pick(r, [...KEYWORDS, 'grab it']),
      },
      products: { name: pick(r, ['Tool', 'Zorblax', 'Grokly']), aliases: pick(r, [[], ['a'], ['زوربلاكس']]) },
      links: {
        name: 'L',
        host: pick(r, ['ok.example', 'go.acme.ai', 'EXAMPLE.COM']),
        param: pick(r, [undefined, 'ref', 'p']),
      },
    })[key];
  const hostile = (): unknown =>
    pick(r, [
      { kind: pick(r, ['evil', 42, null]), phrase: 'ok' },
      { kind: 'cta', phrase: pick(r, ['', '   ', 'x'.repeat(200), 7]) },
      { name: pick(r, ['', 'y'.repeat(100)]), aliases: pick(r, ['a', Array(20).fill('b'), [1]]) },
      {
        name: 'L',
        host: pick(r, ['not a host', 'a.b', '', 'http://x.com/']),
        param: pick(r, ['bad param', 1]),
      },
      { kind: 'cta', phrase: 'ok', extra: true },
      randomValue(r),
    ]);
  const list = (key: 'phrases' | 'products' | 'links') =>
    chance(r, 0.05)
      ? randomValue(r)
      : Array.from({ length: chance(r, 0.05) ? int(r, 400, 700) : int(r, 0, 6) }, () =>
          chance(r, 0.97) ? valid(key) : hostile(),
        );
  const file: Record<string, unknown> = {
    format: chance(r, 0.95) ? 'basira-custom-rules' : randomValue(r),
    version: chance(r, 0.95) ? 1 : pick(r, [2, '1', 0, null]),
    phrases: list('phrases'),
    products: list('products'),
    links: list('links'),
  };
  if (chance(r, 0.05)) delete file[pick(r, Object.keys(file))];
  let raw = JSON.stringify(file) ?? 'null';
  if (chance(r, 0.08))
    raw = raw.replace(/^\{/, `{"${pick(r, ['__proto__', 'constructor', 'prototype'])}":{"polluted":true},`);
  if (chance(r, 0.05)) raw = raw.slice(0, int(r, 0, raw.length)); // cut short
  if (chance(r, 0.02)) raw = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  if (chance(r, 0.03)) raw = randomText(r);
  return raw;
}
