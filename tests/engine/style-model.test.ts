/**
 * The ad-likeness model (utils/engine/style.ts, packs/style-model.json, the `ad-style` cue): its
 * weights are exactly what the trainer makes from the corpus's tuning part, the held-out part
 * cannot reach them, its examples hold, and the cue adds pressure only where the rules say so.
 */
import { describe, expect, test } from 'vitest';
import { analyzeItem } from '@/utils/engine/analyze';
import { normalize } from '@/utils/engine/normalize';
import { bundledRules, loadBundledPacks } from '@/utils/engine/rules/bundled';
import { loadStyleModel } from '@/utils/engine/rules/load';
import {
  CODE_FEATURE,
  NUMBER_WORD,
  PERCENT_WORD,
  scoreStyle,
  scoreStyleText,
  styleFeatures,
  URL_WORD,
} from '@/utils/engine/style';
import type { ItemInput } from '@/utils/engine/types';
import { buildStyleModel, corpusRows, TRAINING } from '../tools/style-model';

const rows = corpusRows();
const { style } = loadBundledPacks();
const rules = bundledRules();
const score = (text: string) => scoreStyle(rules.style!, styleFeatures(text, normalize(text).text)).score;
const item = (text: string): ItemInput => ({
  id: 'i',
  text,
  links: [],
  labels: [],
  platform: 'x',
  lang: null,
});
const adStyle = (text: string) => analyzeItem(item(text), rules).cues.filter((c) => c.kind === 'ad-style');

describe('training', () => {
  const built = buildStyleModel(rows);

  test('the shipped weights are what the trainer makes from the tuning part (npm run train:style)', () => {
    expect(style.training).toEqual(built.training);
    expect(style.training.posts).toBe(rows.filter((r) => r.split === 'tune').length);
    expect(Math.abs(style.bias - built.bias)).toBeLessThanOrEqual(0.0101);
    // Rounded to 0.01 on both sides; a weight may land either side of a rounding edge, no further.
    const keys = new Set([...Object.keys(style.weights), ...Object.keys(built.weights)]);
    const off = [...keys].filter((k) => Math.abs((style.weights[k] ?? 0) - (built.weights[k] ?? 0)) > 0.0101);
    expect(off).toEqual([]);
    expect(Object.keys(style.weights).length).toBeGreaterThan(1000);
  });

  test('held-out posts cannot reach the model: rewriting or dropping them changes nothing', () => {
    const rewritten = rows.map((r) =>
      r.split === 'holdout'
        ? { ...r, text: `${r.text} use code HELD99 #ad`, expect: { verdict: 'none' as const, topic: null } }
        : r,
    );
    expect(buildStyleModel(rewritten)).toEqual(built);
    expect(buildStyleModel(rows.filter((r) => r.split === 'tune'))).toEqual(built);
  });

  test('a word of a single tuning post is left out', () => {
    const once = new Map<string, number>();
    for (const r of rows.filter((x) => x.split === 'tune'))
      for (const f of styleFeatures(r.text, normalize(r.text).text)) once.set(f, (once.get(f) ?? 0) + 1);
    const single = [...once].filter(([, n]) => n < TRAINING.minPosts).map(([f]) => f);
    expect(single.length).toBeGreaterThan(100);
    for (const f of single) expect(built.weights[f]).toBeUndefined();
  });
});

describe('the pack', () => {
  test('its examples: what reads as an advertisement and what does not', () => {
    for (const text of style.examples.match)
      expect(score(text), text).toBeGreaterThanOrEqual(style.threshold);
    for (const text of style.examples.noMatch) expect(score(text), text).toBeLessThan(style.threshold);
  });

  test('a damaged model is refused with a readable reason', () => {
    const bad = (patch: object) => loadStyleModel({ ...style, ...patch }, 'packs/style-model.json');
    for (const patch of [
      { weights: { free: 'a lot' } },
      { threshold: 1.5 },
      { training: { ...style.training, split: 'holdout' } },
      { sources: [] },
    ]) {
      const result = bad(patch);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^packs\/style-model\.json is not a valid rule pack/);
    }
    expect(bad({}).ok).toBe(true);
  });
});

describe('features', () => {
  test('words and word pairs of the normalized text, placeholders for addresses, handles, numbers', () => {
    const text = 'Try ＦＲＥＥ now @sara_ai: 50% off at https://x.example.com/a?ref=1 for 3 days';
    const f = styleFeatures(text, normalize(text).text);
    expect(f).toEqual(
      expect.arrayContaining(['try', 'free', 'try free', 'now', 'zatz', PERCENT_WORD, 'off']),
    );
    expect(f).toEqual(
      expect.arrayContaining([URL_WORD, `at ${URL_WORD}`, NUMBER_WORD, `${NUMBER_WORD} days`]),
    );
    expect(f.some((x) => x.includes('example') || x.includes('sara'))).toBe(false);
    expect(new Set(f).size).toBe(f.length);
  });

  test('emoji and a code-shaped token (capitals with digits) are features; a plain capital word is not a code', () => {
    const f = (t: string) => styleFeatures(t, normalize(t).text);
    expect(f('grab it 🔥 with SAVE20')).toEqual(expect.arrayContaining(['🔥', CODE_FEATURE]));
    expect(f('NASA launched GPT talk in 2024')).not.toContain(CODE_FEATURE);
    expect(f('كود خصم: LAYLA15 🎁')).toEqual(
      expect.arrayContaining(['كود', 'خصم', 'كود خصم', '🎁', CODE_FEATURE]),
    );
  });

  test('evasions read as the words they hide (the engine normalization is the model’s)', () => {
    const plain = 'try it free with the link below';
    const hidden = 'tr\u200By it fr\u0435e with the l\u0456nk below';
    expect(styleFeatures(hidden, normalize(hidden).text)).toEqual(
      styleFeatures(plain, normalize(plain).text),
    );
  });
});

describe('the ad-style cue', () => {
  const ad =
    'been using Notion AI for a month and honestly obsessed 😍 first month free with the link below 👇 you will thank me';

  test('it reads only what the rules leave unflagged, and names the words that weighed most', () => {
    let cued = 0;
    for (const r of rows.filter((x) => x.split === 'tune')) {
      const input = { ...item(r.text), id: r.id };
      const withCue = analyzeItem(input, rules);
      const cue = withCue.cues.find((c) => c.kind === 'ad-style');
      if (!cue) continue;
      cued++;
      const rulesAlone = analyzeItem(input, rules, { disabledKinds: new Set(['ad-style']) });
      expect(rulesAlone.verdict, r.id).toMatch(/^(?:mention|none)$/);
      expect(cue, r.id).toMatchObject({ rule: 'style.ad-likeness', sources: style.sources });
      expect(cue.text, r.id).not.toMatch(/zurlz|zatz|znumz|zpctz|<code>/);
      expect(Number(cue.detail), r.id).toBeGreaterThanOrEqual(style.threshold);
    }
    expect(cued).toBeGreaterThanOrEqual(5);
  });

  test('the posts the browser tests open are flagged by the model alone (tests/browser/popup.test.mjs)', () => {
    for (const id of ['en-919', 'ar-762']) {
      const r = rows.find((x) => x.id === id)!;
      const input = { ...item(r.text), id, lang: id.slice(0, 2) };
      expect(analyzeItem(input, rules, { disabledKinds: new Set(['ad-style']) }).verdict, id).toBe('mention');
      expect(analyzeItem(input, rules).verdict, id).toBe('promotion');
    }
  });

  test('only posts about AI are read: the same words about a sofa get no cue', () => {
    const sofa = ad.replace('Notion AI', 'this sofa');
    expect(score(sofa)).toBeGreaterThanOrEqual(style.threshold);
    expect(adStyle(sofa)).toEqual([]);
  });

  test('questions and reporting about AI get no cue', () => {
    for (const text of style.examples.noMatch) expect(adStyle(text), text).toEqual([]);
  });

  test('it is pressure, never a tie: a mention becomes a promotion, not an undisclosed partnership', () => {
    // A model that reads one made-up word as an advertisement, to see what its cue does.
    const toy = { ...rules, style: { ...rules.style!, bias: 0, weights: new Map([['zebrafrost', 10]]) } };
    const mention = 'Tried ChatGPT for my meal plan this week, zebrafrost';
    expect(analyzeItem(item(mention), rules).verdict).toBe('mention');
    const read = analyzeItem(item(mention), toy);
    expect(read.verdict).toBe('promotion');
    expect(read.cues.find((c) => c.kind === 'ad-style')?.text).toBe('zebrafrost');
    // Switched off with its family (pressure), it counts for nothing.
    expect(analyzeItem(item(mention), toy, { disabledKinds: new Set(['ad-style']) }).verdict).toBe('mention');
    // Not about AI: no cue. Talk about ads: discourse still outweighs it.
    expect(analyzeItem(item('Tried a new sofa this week, zebrafrost'), toy).cues).toEqual([]);
    const critique =
      'Regulators say many creators hide paid ChatGPT promotions, according to a new report, zebrafrost';
    expect(analyzeItem(item(critique), toy).verdict).not.toMatch(/promotion|undisclosed|sponsored/);
  });

  test('its counterpart: a flagged post that reads as talk (a very low score) gains one discourse cue', () => {
    // A model that reads one made-up word as talk, to see what its cue does.
    const toy = { ...rules, style: { ...rules.style!, bias: 0, weights: new Map([['quillnote', -10]]) } };
    const talk = (text: string, labels: string[] = []) => analyzeItem({ ...item(text), labels }, toy);
    const push = 'Sign up now for ChatGPT Plus, quillnote';
    expect(analyzeItem(item(push), rules).verdict).toBe('promotion');
    const read = talk(push);
    expect(read.verdict).toBe('mention');
    expect(read.cues.find((c) => c.kind === 'talk-style')).toMatchObject({ rule: 'style.ad-likeness.talk' });
    // A code, a link or a platform label is evidence talk cannot undo on its own.
    expect(talk('Use my code SAVE20 for ChatGPT Plus, quillnote').verdict).toBe('undisclosed');
    expect(talk(push, ['Paid partnership with OpenAI']).verdict).toBe('sponsored');
    // Not about AI, or not flagged: the model is not read.
    expect(
      talk('Sign up now for our bakery newsletter, quillnote').cues.some((c) => c.kind === 'talk-style'),
    ).toBe(false);
    expect(talk('Tried ChatGPT for my meal plan, quillnote').cues.some((c) => c.kind === 'talk-style')).toBe(
      false,
    );
  });

  test('rules compiled without a model (a pack set of one’s own) run without the cue', () => {
    expect(analyzeItem(item(ad), { ...rules, style: null }).cues.some((c) => c.kind === 'ad-style')).toBe(
      false,
    );
  });
});

describe('the engine’s one-pass scorer', () => {
  const model = rules.style!;
  const reference = (text: string) => {
    const normalized = normalize(text).text;
    return scoreStyle(model, styleFeatures(text, normalized), 5);
  };
  const fast = (text: string) => scoreStyleText(model, text, normalize(text).text, 5);

  test('scores every corpus post exactly as the feature list does', () => {
    for (const r of rows) expect(fast(r.text), r.id).toEqual(reference(r.text));
  });

  test('scores random text exactly as the feature list does (digits, #, @, %, addresses, emoji, astral letters)', () => {
    const pieces = [
      'try',
      'FREE',
      'SAVE20',
      'save20',
      'A1B2',
      'ABCDEFGHIJKLMNOP1',
      '#',
      '##ad',
      '#20',
      '#b2b',
      '@sara',
      'a@b',
      '50%',
      '5 %',
      '%',
      '2024',
      '٢٠',
      'x²',
      '_',
      'a_b',
      'https://x.ai/r?ref=1',
      'bit.ly/abc',
      'go.example.com/x',
      '🔥',
      '👇🏽',
      '❤️',
      '©',
      '𝐀𝐁',
      '𐐀x',
      '\uD800',
      '\uDC00',
      'كود',
      'خصم20',
      'ا١٢',
      'é',
      'straße',
      '-',
      '.',
      ',',
      '\n',
      ' ',
      '  ',
      'link',
      'in',
      'bio',
      'code',
      'AI',
      'ذكاء',
      'اصطناعي',
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const len = 1 + (next() % 14);
      for (let k = 0; k < len; k++) text += pieces[next() % pieces.length]! + (next() % 3 === 0 ? '' : ' ');
      expect(fast(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });
});
