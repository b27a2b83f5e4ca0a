/**
 * "This is wrong": corrections hide the post at once (the badge's list leaves it out), muting
 * stops an author counting for a product anywhere, noisy reports count per rule and export
 * without any post text; a corrupt stored list keeps its valid entries.
 */
import { describe, expect, test } from 'vitest';
import {
  coerceFeedback,
  dismissed,
  EMPTY_FEEDBACK,
  noisyReport,
  postKey,
  withCorrection,
} from '@/utils/feedback';
import { correctionChoices } from '@/utils/feedback-match';
import { forPage } from '@/utils/findings';
import type { FindingWire } from '@/utils/protocol';
import { visibleFindings } from '@/utils/scope';
import { coerceSettings, DEFAULT_SETTINGS } from '@/utils/settings';
import { finding, SPONSORED } from '../components/fixtures';

const JASPER = finding({
  id: 'x-1',
  author: '@maya',
  products: ['Jasper'],
  excerpt: 'Jasper changed my life, code MAYA20',
});
const OTHER_POST = finding({
  id: 'x-2',
  author: '@maya',
  products: ['Jasper'],
  excerpt: 'Another Jasper post, link in bio',
});
const OTHER_PRODUCT = finding({
  id: 'x-3',
  author: '@maya',
  products: ['Writesonic'],
  excerpt: 'Writesonic is great',
});

describe('corrections', () => {
  test('hiding a post takes it out of the list and the badge, and only it', () => {
    const settings = { ...DEFAULT_SETTINGS, feedback: withCorrection(EMPTY_FEEDBACK, JASPER, 'hide') };
    expect(visibleFindings([JASPER, OTHER_POST, OTHER_PRODUCT], settings).map((f) => f.id)).toEqual([
      'x-2',
      'x-3',
    ]);
    expect(settings.feedback.hidden).toEqual([
      { key: postKey(JASPER), label: 'Jasper changed my life, code MAYA20' },
    ]);
  });

  test('a hidden post stays hidden on the next visit, whatever id the page gives it', () => {
    const feedback = withCorrection(EMPTY_FEEDBACK, JASPER, 'hide');
    expect(dismissed({ ...JASPER, id: 'x-99', order: 7 }, feedback)).toBe(true);
    expect(dismissed({ ...JASPER, excerpt: 'Jasper changed my life, code MAYA30' }, feedback)).toBe(false);
  });

  test('muting an author for a product hides their posts about it, not about others', () => {
    const feedback = withCorrection(EMPTY_FEEDBACK, JASPER, 'mute');
    expect(feedback.muted).toEqual([{ author: '@maya', product: 'Jasper' }]);
    expect(feedback.hidden).toEqual([]); // undoing the mute brings the post back too
    expect([JASPER, OTHER_POST, OTHER_PRODUCT].map((f) => dismissed(f, feedback))).toEqual([
      true,
      true,
      false,
    ]);
    expect(dismissed({ ...OTHER_POST, author: '@omar' }, feedback)).toBe(false);
  });

  test('a noisy report counts each rule behind the finding once per report, and hides the post', () => {
    let feedback = withCorrection(EMPTY_FEEDBACK, JASPER, 'noisy');
    feedback = withCorrection(feedback, OTHER_POST, 'noisy');
    const rules = [...new Set(JASPER.cues.map((c) => c.rule))];
    expect(feedback.noisy.map((n) => n.rule).sort()).toEqual([...rules].sort());
    expect(feedback.noisy.every((n) => n.count === 2)).toBe(true);
    expect(feedback.hidden).toHaveLength(2);
    const report = JSON.parse(noisyReport(feedback));
    expect(report).toMatchObject({ basira: 'noisy-rules', version: 1 });
    expect(noisyReport(feedback)).not.toContain('MAYA20'); // rules and counts only, no post text
  });

  test('the same correction twice changes nothing more', () => {
    const once = withCorrection(EMPTY_FEEDBACK, JASPER, 'mute');
    expect(withCorrection(once, JASPER, 'mute')).toEqual(once);
  });

  test('muting is offered only with an author and a product', () => {
    const t = (key: string, subs?: string | string[]) =>
      `${key}${subs ? `(${[subs].flat().join(',')})` : ''}`;
    expect(correctionChoices(JASPER, t).map((c) => c.label)).toEqual([
      'wrong_hide',
      'wrong_mute(@maya,Jasper)',
      'wrong_noisy',
    ]);
    expect(correctionChoices({ ...SPONSORED, author: null }, t).map((c) => c.correction)).toEqual([
      'hide',
      'noisy',
    ]);
  });

  test('a corrupt stored list keeps its valid entries; other settings are untouched', () => {
    const raw = {
      hidden: [{ key: 'abc', label: 'ok' }, { key: '', label: 'no key' }, 'junk'],
      muted: [{ author: '@maya', product: 'Jasper' }, { author: '@x' }],
      noisy: [
        { rule: 'en.cta.push', count: 3 },
        { rule: 'en.x', count: -1 },
      ],
    };
    expect(coerceFeedback(raw)).toEqual({
      hidden: [{ key: 'abc', label: 'ok' }],
      muted: [{ author: '@maya', product: 'Jasper' }],
      noisy: [{ rule: 'en.cta.push', count: 3 }],
    });
    expect(coerceFeedback('corrupt')).toEqual(EMPTY_FEEDBACK);
    const settings = coerceSettings({ ...DEFAULT_SETTINGS, scope: 'all', feedback: 42 });
    expect(settings.scope).toBe('all');
    expect(settings.feedback).toEqual(EMPTY_FEEDBACK);
  });
});

describe('what a page keeps of a finding (forPage)', () => {
  const base = (excerpt: string): FindingWire => ({
    id: 'x-1',
    verdict: 'undisclosed',
    topic: 'ai',
    confidence: 0.8,
    cues: [
      {
        kind: 'promo-code',
        rule: 'en.code.promo-code',
        text: 'use code MAYA',
        lang: 'en',
        sources: ['ftc-101'],
      },
    ],
    concerns: ['undisclosed-endorsement'],
    excerpt,
    snippet: 'a long snippet',
    snippetStart: 0,
    products: ['Jasper'],
    platform: 'x',
    author: '@maya',
    order: 3,
  });
  test.each([
    ['short', 'Use code MAYA for Jasper'],
    ['a space at the 200th character', `${'a'.repeat(199)} ${'b'.repeat(79)}`],
    ['a space at the 201st character', `${'a'.repeat(200)} ${'b'.repeat(78)}`],
    ['a full excerpt', `${'word '.repeat(55)}…`],
  ])('the post key a page computes is the background’s (%s)', (_name, excerpt) => {
    const f = base(excerpt);
    expect(postKey(forPage(f))).toBe(postKey(f));
  });
  test('the popup’s snippet, the concerns and the sources stay in the background', () => {
    const slim = forPage(base('Use code MAYA'));
    expect(slim).toMatchObject({ snippet: '', concerns: [], author: '@maya', products: ['Jasper'] });
    expect(slim.cues[0]).toMatchObject({ kind: 'promo-code', text: 'use code MAYA', sources: [] });
  });
});
