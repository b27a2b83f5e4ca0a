/**
 * Evasion: the tricks that hide a disclosure, a code or a product name from a filter but not from
 * a reader (look-alike letters, zero-width characters, full-width forms, soft hyphens, letters
 * spelled apart, Arabic tatweel and diacritics). Every trick on every target keeps its cue.
 */
import { describe, expect, test } from 'vitest';
import { analyzeItem } from '@/utils/engine/analyze';
import { bundledRules } from '@/utils/engine/rules/bundled';
import type { CueKind } from '@/utils/engine/types';

const LATIN_LOOKALIKE: Record<string, string> = { a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', s: 'ѕ', i: 'і' };
const lookalike = (w: string) => w.replace(/[aceopsi]/, (c) => LATIN_LOOKALIKE[c]!);
const fullWidth = (w: string) =>
  [...w].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
const middle = (w: string, mark: string) => {
  const at = Math.max(1, Math.floor(w.length / 2));
  return w.slice(0, at) + mark + w.slice(at);
};
const spaced = (w: string) => [...w.replace(/^#/, '')].join(' ').replace(/^/, w.startsWith('#') ? '# ' : '');
/** Letters apart with another separator ("s.p.o.n.s.o.r.e.d", "c  o  d  e", "إ-ع-ل-ا-ن"); a hashtag keeps its "#". */
const apart = (sep: string) => (w: string) =>
  (w.startsWith('#') ? '#' : '') + [...w.replace(/^#/, '')].join(sep);

const LATIN_TRICKS: [string, (w: string) => string][] = [
  ['look-alike letter', lookalike],
  ['zero-width space', (w) => middle(w, '\u200b')],
  ['zero-width joiner', (w) => middle(w, '\u200d')],
  ['soft hyphen', (w) => middle(w, '\u00ad')],
  ['full-width', fullWidth],
  ['letters spelled apart', spaced],
  ['letters dotted apart', apart('.')],
  ['letters dashed apart', apart('-')],
  ['letters double-spaced', apart('  ')],
  ['word joiner', (w) => middle(w, '\u2060')],
];
const ARABIC_TRICKS: [string, (w: string) => string][] = [
  ['tatweel', (w) => w.replace(/([\u0621-\u064a])([\u0621-\u064a])/, '$1ـــ$2')],
  ['diacritics', (w) => w.replace(/([\u0621-\u064a])/g, '$1\u064e')],
  ['zero-width space', (w) => middle(w, '\u200b')],
  ['letters spelled apart', spaced],
  ['letters dotted apart', apart('.')],
  ['letters dashed apart', apart('-')],
];

/** [post, the words a trick is played on, the cue kind that must survive]. */
const LATIN_CASES: [string, string, CueKind][] = [
  ['Loving Jasper AI for my captions #ad', '#ad', 'disclosure'],
  ['Sponsored by Jasper AI: my captions write themselves', 'Sponsored', 'disclosure'],
  ['Jasper AI writes my captions. Use code SARA20 for 20% off', 'code', 'promo-code'],
  ['ChatGPT plans my whole week now', 'ChatGPT', 'ai-product'],
  ['Midjourney made every image in this thread', 'Midjourney', 'ai-product'],
];
const ARABIC_CASES: [string, string, CueKind][] = [
  ['جربت شات جي بي تي لكتابة المحتوى #إعلان', '#إعلان', 'disclosure'],
  ['هذا إعلان مدفوع لتطبيق ذكاء اصطناعي يكتب المحتوى', 'إعلان', 'disclosure'],
  ['أداة ذكاء اصطناعي تكتب لك الكابشن، استخدموا كودي NOUR15', 'كودي', 'promo-code'],
  ['أستخدم جيميناي لكتابة التقارير كل يوم', 'جيميناي', 'ai-product'],
];

const rules = bundledRules();
const kindsOf = (text: string) =>
  analyzeItem({ id: 'e', text, links: [], labels: [], platform: 'x' }, rules).cues.map((c) => c.kind);

describe('evasion keeps its cue', () => {
  const cases = [
    ...LATIN_CASES.flatMap(([post, target, kind]) =>
      LATIN_TRICKS.map(([trick, f]) => [trick, post.replace(target, f(target)), kind, post] as const),
    ),
    ...ARABIC_CASES.flatMap(([post, target, kind]) =>
      ARABIC_TRICKS.map(([trick, f]) => [trick, post.replace(target, f(target)), kind, post] as const),
    ),
  ];
  test.each(cases)('%s: %s → %s', (_trick, text, kind, original) => {
    expect(kindsOf(original), 'the untouched post has the cue').toContain(kind);
    expect(text).not.toBe(original);
    expect(kindsOf(text)).toContain(kind);
  });
});
