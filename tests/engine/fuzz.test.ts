/**
 * Fuzzing the engine (`analyzeItem`), the boundary that reads whatever a page holds, with random
 * and adversarial posts. Seeded (tests/harness/fuzz.ts): a failure names its seed and index, and
 * `BASIRA_FUZZ_SEED=<n> npx vitest run tests/engine/fuzz.test.ts` replays it or explores another seed.
 */
import { afterAll, describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { analyzeItem } from '@/utils/engine/analyze';
import { DETECTORS } from '@/utils/engine/cues/registry';
import { bundledRules } from '@/utils/engine/rules/bundled';
import {
  CONCERNS,
  type Finding,
  type ItemInput,
  type ItemLink,
  PLATFORMS,
  VERDICTS,
} from '@/utils/engine/types';
import { toWire } from '@/utils/findings';
import { FindingWire } from '@/utils/protocol';
import {
  chance,
  cp,
  expectNoPrototypePollution,
  ITEM_CAP_MS,
  int,
  neverThrows,
  PRODUCTS,
  pick,
  prng,
  type Rng,
  randomText,
  SEED,
  URLS,
} from '../harness/fuzz';

const REDIRECTORS = [
  (u: string) => `https://www.youtube.com/redirect?event=video_description&q=${encodeURIComponent(u)}`,
  (u: string) => `https://l.instagram.com/?u=${encodeURIComponent(u)}&e=AT0`,
  (u: string) => `https://l.facebook.com/l.php?u=${encodeURIComponent(u)}&h=AT0`,
  (u: string) => `https://www.linkedin.com/redir/redirect?url=${encodeURIComponent(u)}`,
  (u: string) => `https://www.google.com/url?q=${encodeURIComponent(u)}&sa=D`,
];
const nest = (r: Rng, url: string, depth: number) => {
  let out = url;
  for (let i = 0; i < depth; i++) out = pick(r, REDIRECTORS)(out);
  return out;
};

const HOSTILE_HREFS = [
  'javascript:alert(1)',
  'JaVaScRiPt:window.__pwned=1',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'chrome://settings',
  'about:blank',
  '',
  ' ',
  'http://',
  'https://',
  'https://[::1',
  'https://%',
  'https://%zz%zz/',
  'https://user:pass@jasper.ai:99999/?fpr=x',
  'https://xn--80ak6aa92e.com/?ref=x',
  'https://127.0.0.1/?via=x',
  'https://www.youtube.com/redirect?q=%E0%A4%A',
  'https://www.youtube.com/redirect?q=%',
  'https://l.facebook.com/l.php?u=%ZZhttps%3A%2F%2Fjasper.ai',
  'https://l.instagram.com/?u=javascript%3Aalert(1)',
  'https://l.instagram.com/?u=data%3Atext%2Fhtml%2C%3Cscript%3E',
  'https://www.google.com/url?q=https%3A%2F%2F%25E0%25A4%25A.example',
  `https://jasper.ai/?fpr=${'%'.repeat(5000)}`,
  `https://t.co/${'x'.repeat(100_000)}`,
  '\u0000https://jasper.ai/?fpr=x',
  'https://jasper.ai/?fpr=x\u202e',
];

function randomLink(r: Rng): ItemLink {
  const roll = r();
  if (roll < 0.25)
    return { href: pick(r, URLS), text: pick(r, [pick(r, URLS), '', 'link', pick(r, PRODUCTS)]) };
  if (roll < 0.45)
    return { href: pick(r, HOSTILE_HREFS), text: pick(r, [pick(r, HOSTILE_HREFS), '', '<b>x</b>']) };
  if (roll < 0.6) return { href: nest(r, pick(r, URLS), int(r, 1, 10)), text: pick(r, ['', pick(r, URLS)]) };
  if (roll < 0.75) {
    // X: a t.co wrapper whose visible text carries the target, often cut with "…".
    const target = pick(r, URLS).replace(/^https?:\/\//, '');
    return {
      href: `https://t.co/${int(r, 0, 1e9).toString(36)}`,
      text: target.slice(0, int(r, 0, target.length)) + pick(r, ['…', '...', '', ' …']),
    };
  }
  return { href: randomText(r).slice(0, 3000), text: randomText(r).slice(0, 3000) };
}

function randomItem(r: Rng, index: number): ItemInput {
  const links = Array.from({ length: chance(r, 0.05) ? int(r, 60, 300) : int(r, 0, 8) }, () => randomLink(r));
  const text = randomText(r);
  return {
    id: `fuzz-${index}-${Array.from({ length: int(r, 0, 40) }, () => cp(int(r, 33, 0x2fff))).join('')}`.slice(
      0,
      200,
    ),
    text,
    fold: pick(r, [undefined, null, 0, int(r, 0, text.length), text.length + 10, -5, 1e9, Number.NaN]),
    links,
    labels: Array.from({ length: int(r, 0, 4) }, () =>
      pick(r, [
        'Sponsored',
        'Ad',
        'إعلان',
        'Paid partnership with',
        'Promoted',
        randomText(r).slice(0, 2000),
      ]),
    ),
    lang: pick(r, [undefined, null, '', 'ar', 'en', 'fr', 'es', 'de', 'zz', 'AR-eg', 'x', '💥', 'und']),
    url: pick(r, [undefined, null, 'https://x.com/home', 'not a url', pick(r, HOSTILE_HREFS)]),
    platform: pick(r, PLATFORMS),
    author: pick(r, [undefined, null, '@someone', randomText(r).slice(0, 500)]),
  };
}

/** The hardest shapes, always included. */
function adversarialItems(): [string, ItemInput][] {
  const r = prng(SEED ^ 0xadd);
  const base = { links: [] as ItemLink[], labels: [] as string[], platform: 'x' as const };
  const promo = 'Jasper AI is a game changer, use code SAVE20 #sponsored ';
  const ten = nest(r, 'https://jasper.ai/?fpr=sam', 10);
  return [
    [
      '50,000-character promo text',
      { ...base, id: 'a1', text: promo.repeat(Math.ceil(50_000 / promo.length)).slice(0, 50_000) },
    ],
    ['1,000,000-character text', { ...base, id: 'a2', text: `${'sponsored '.repeat(100_000)}` }],
    [
      '50,000 zero-width characters inside a disclosure',
      { ...base, id: 'a3', text: `#a${'\u200b'.repeat(50_000)}d ChatGPT` },
    ],
    ['50,000 combining marks', { ...base, id: 'a4', text: `a${'\u0301'.repeat(50_000)} #ad` }],
    [
      'lone surrogate halves',
      { ...base, id: 'a5', text: `${'\ud800'.repeat(20_000)}#ad${'\udfff'.repeat(20_000)}` },
    ],
    [
      '50,000 bidi overrides',
      { ...base, id: 'a6', text: `${'\u202e'.repeat(25_000)}use code X${'\u2066'.repeat(25_000)}` },
    ],
    ['50,000 quotation marks', { ...base, id: 'a7', text: '"'.repeat(50_000) }],
    [
      'tatweel and diacritics',
      { ...base, id: 'a8', text: `إ${'ـ'.repeat(20_000)}علان ${'َ'.repeat(20_000)}مدفوع` },
    ],
    [
      '10,000 links',
      {
        ...base,
        id: 'a9',
        text: 'my stack',
        links: Array.from({ length: 10_000 }, (_, i) => ({
          href: `https://jasper.ai/?fpr=${i}`,
          text: `jasper.ai/?fpr=${i}`,
        })),
      },
    ],
    [
      '10,000 addresses in the text',
      {
        ...base,
        id: 'a10',
        text: Array.from({ length: 10_000 }, (_, i) => `jasper.ai/?fpr=${i}`)
          .join(' ')
          .slice(0, 50_000),
      },
    ],
    [
      'redirectors nested 10 deep',
      { ...base, id: 'a11', text: 'ChatGPT tools', links: [{ href: ten, text: ten }] },
    ],
    [
      'malformed percent-encoding in redirect parameters',
      { ...base, id: 'a12', text: 'AI', links: HOSTILE_HREFS.map((href) => ({ href, text: href })) },
    ],
    [
      'a 100,000-character address',
      {
        ...base,
        id: 'a13',
        text: `https://jasper.ai/?fpr=${'x'.repeat(100_000)}`,
        links: [{ href: `https://jasper.ai/?fpr=${'x'.repeat(100_000)}`, text: '' }],
      },
    ],
    [
      'a 10,000-character label',
      { ...base, id: 'a14', text: 'Claude', labels: ['Sponsored'.repeat(1000), 'إعلان'.repeat(2000)] },
    ],
    ['one 50,000-character word', { ...base, id: 'a15', text: 'a'.repeat(50_000) }],
    ['one 50,000-character Arabic word', { ...base, id: 'a16', text: 'والل'.repeat(12_500) }],
    ['50,000 hashtags marks', { ...base, id: 'a17', text: '#'.repeat(50_000) }],
    [
      'hashtag run with a disclosure',
      { ...base, id: 'a18', text: `${'#ai '.repeat(5000)}#ad ${'#tools '.repeat(3000)}` },
    ],
    ['fold beyond the text', { ...base, id: 'a19', text: 'ChatGPT #ad', fold: 1e12 }],
    ['negative fold', { ...base, id: 'a20', text: 'ChatGPT #ad', fold: -1 }],
  ];
}

// ---------------------------------------------------------------------------------------------
// Invariants of a finding.

const KINDS = new Set(DETECTORS.map((d) => d.kind));

function checkFinding(input: ItemInput, f: Finding, where: string): void {
  const text = input.text.slice(0, 50_000); // the engine reads at most this much
  expect(f.id, where).toBe(input.id);
  expect(VERDICTS, where).toContain(f.verdict);
  expect([null, 'ai', 'other'], where).toContain(f.topic);
  expect(Number.isFinite(f.confidence), where).toBe(true);
  expect(f.confidence, where).toBeGreaterThanOrEqual(0);
  expect(f.confidence, where).toBeLessThanOrEqual(1);
  for (const c of f.concerns) expect(CONCERNS, where).toContain(c);
  expect(f.excerpt.length, where).toBeLessThanOrEqual(280);
  for (const cue of f.cues) {
    expect(KINDS.has(cue.kind), `${where}: kind ${cue.kind}`).toBe(true);
    expect(typeof cue.text, where).toBe('string');
    if (cue.start !== undefined || cue.end !== undefined) {
      const { start, end } = cue as { start: number; end: number };
      expect(Number.isInteger(start) && Number.isInteger(end), `${where}: ${cue.rule} offsets`).toBe(true);
      expect(start, `${where}: ${cue.rule} start`).toBeGreaterThanOrEqual(0);
      expect(end, `${where}: ${cue.rule} end`).toBeGreaterThanOrEqual(start);
      expect(end, `${where}: ${cue.rule} end`).toBeLessThanOrEqual(text.length);
      expect(cue.text, `${where}: ${cue.rule} text is its span`).toBe(text.slice(start, end));
    }
  }
  // What the content script sends must pass the background's parser, or the batch is dropped.
  const wire = z.safeParse(FindingWire, toWire(f, input, 0));
  expect(wire.success, `${where}: ${wire.success ? '' : z.prettifyError(wire.error)}`).toBe(true);
  // And survive the trip through structured clone / JSON.
  expect(JSON.parse(JSON.stringify(wire.data)), where).toEqual(wire.data);
}
expectNoPrototypePollution();

// ---------------------------------------------------------------------------------------------

describe('analyzeItem under fuzzing', () => {
  const rules = bundledRules();
  const BATCHES = 10;
  const PER_BATCH = 200;
  let slowest = { ms: 0, where: '' };
  afterAll(() => {
    console.log(
      `fuzz seed ${SEED}: ${BATCHES * PER_BATCH} random items, slowest ${slowest.ms.toFixed(0)} ms (${slowest.where})`,
    );
  });

  test.each(Array.from({ length: BATCHES }, (_, b) => b))(
    'random items, batch %i: never throws, valid verdicts, cue spans inside the text, bounded time',
    (batch) => {
      const r = prng(SEED + batch * 7919);
      for (let i = 0; i < PER_BATCH; i++) {
        const where = `seed ${SEED} batch ${batch} item ${i}`;
        const input = randomItem(r, batch * PER_BATCH + i);
        const start = performance.now();
        const f = neverThrows(where, 'analyzeItem', () => analyzeItem(input, rules));
        const ms = performance.now() - start;
        if (ms > slowest.ms) slowest = { ms, where };
        expect(ms, `${where} took ${ms.toFixed(0)} ms`).toBeLessThan(ITEM_CAP_MS);
        checkFinding(input, f, where);
      }
    },
    120_000,
  );

  test.each(adversarialItems())('%s', (name, input) => {
    const start = performance.now();
    const f = analyzeItem(input, rules);
    const ms = performance.now() - start;
    expect(ms, `${name} took ${ms.toFixed(0)} ms`).toBeLessThan(ITEM_CAP_MS);
    checkFinding(input, f, name);
  });

  test('hostile links never become a target: only http(s) destinations are read', () => {
    const f = analyzeItem(
      {
        id: 'h',
        text: 'my AI stack',
        links: HOSTILE_HREFS.map((href) => ({ href, text: href })),
        labels: [],
        platform: 'generic',
      },
      rules,
    );
    for (const cue of f.cues.filter((c) => c.kind === 'affiliate-link' || c.kind === 'opaque-link'))
      expect(cue.text).toMatch(/^https?:\/\//);
    expect(f.cues.some((c) => /javascript:|data:|vbscript:|file:/i.test(c.text))).toBe(false);
  });

  test('the same input always gives the same finding (no state leaks between items)', () => {
    const r = prng(SEED ^ 0x5a5a);
    const items = Array.from({ length: 100 }, (_, i) => randomItem(r, i));
    const first = items.map((i) => analyzeItem(i, rules));
    const again = [...items]
      .reverse()
      .map((i) => analyzeItem(i, rules))
      .reverse();
    expect(again).toEqual(first);
  });

  /**
   * Linear time on the shapes that make regexes quadratic: a post twice as long may take about
   * twice as long, never four times. Runs of `-` or `a-` with no dot are what an address regex
   * scanning `[a-z0-9-]+\.` from every position chokes on.
   */
  test.each([
    ['dashes', '-'],
    ['letter-dash runs', 'a-'],
    ['dash-letter-dot runs', '-a.'],
    ['letters', 'a'],
    ['dots', '.'],
    ['hashes', '#'],
    ['Arabic letters', 'ب'],
    ['spaces', ' '],
    ['code words', 'code '],
  ])('time grows linearly with the length of a run of %s', (_name, unit) => {
    const time = (n: number) => {
      const text = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
      let best = Number.POSITIVE_INFINITY;
      for (let k = 0; k < 3; k++) {
        const start = performance.now();
        analyzeItem({ id: 't', text, links: [], labels: [], platform: 'generic' }, rules);
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    time(2_000); // warm up the regexes
    const short = time(5_000);
    const long = time(20_000); // the longest post a page item carries (utils/dom/text.ts)
    // Four times the text: linear is ~4×; quadratic is ~16×. Small absolute times are noise.
    expect(
      long < 25 || long / Math.max(short, 0.5) < 8,
      `${JSON.stringify(unit)}: 5,000 chars ${short.toFixed(1)} ms, 20,000 chars ${long.toFixed(1)} ms`,
    ).toBe(true);
  });
});
