/**
 * Concerns follow cues: every concern a finding raises over the whole corpus is justified by one
 * of its own cues, by this independent table. A promo code and a plain link are a tie, not a
 * "commission link".
 */
import { describe, expect, test } from 'vitest';
import { analyzeItem } from '@/utils/engine/analyze';
import { bundledRules } from '@/utils/engine/rules/bundled';
import type { Concern, Finding } from '@/utils/engine/types';
import { corpusInputs } from './inputs';

/** Words that make a referral phrase a link or invite the author is paid through. */
const PAID_LINK =
  /link|lien|enlace|rabattlink|empfehlung|invit|referr|referid|\bref\b|affiliate|afiliad|affili|parrain|رابط|لينك|ليان|إحالة|احالة|دعوة|دعوتي|عمولة/i;

const has = (f: Finding, ...kinds: string[]) => f.cues.some((c) => kinds.includes(c.kind));

const JUSTIFIED: Record<Concern, (f: Finding) => boolean> = {
  'undisclosed-endorsement': (f) => f.verdict === 'undisclosed',
  'ambiguous-or-buried-disclosure': (f) => has(f, 'ambiguous-disclosure', 'buried-disclosure'),
  'affiliate-incentive': (f) =>
    has(f, 'affiliate-link') || f.cues.some((c) => c.kind === 'referral' && PAID_LINK.test(c.text)),
  'fomo-urgency': (f) => has(f, 'urgency', 'hype'),
  'ai-washing': (f) => has(f, 'ai-generic', 'hype'),
  'ad-transparency': (f) => has(f, 'platform-label'),
  // Topics the popup's About explains; no single post raises them.
  'fake-reviews': () => false,
  'ai-ad-spend': () => false,
  'data-privacy': () => false,
  'targeting-bias': () => false,
  'synthetic-media': () => false,
};

const items = corpusInputs();

describe('concerns follow cues', () => {
  const rules = bundledRules();
  const findings = items.map((item) => analyzeItem(item, rules));

  test('the corpus raises concerns to check', () => {
    expect(findings.filter((f) => f.concerns.length > 0).length).toBeGreaterThan(200);
  });

  test('every concern of every corpus finding is justified by one of its cues', () => {
    const unjustified = findings.flatMap((f) =>
      f.concerns
        .filter((c) => !JUSTIFIED[c](f))
        .map((c) => `${f.id}: ${c} [${f.cues.map((q) => q.rule).join(' ')}]`),
    );
    expect(unjustified).toEqual([]);
  });

  test.each([
    [
      'a promo code and a plain link',
      'Zorblax AI writes my emails now. Use code ZED10 for 20% off https://zorblax.example.com',
      [],
    ],
    [
      'an affiliate link',
      'Zorblax AI writes my emails now https://zorblax.example.com/?fpr=sam',
      ['affiliate-link'],
    ],
  ])('%s', (_name, text, kinds) => {
    const f = analyzeItem({ id: 't', text, links: [], labels: [], platform: 'x' }, rules);
    expect(f.concerns.includes('affiliate-incentive')).toBe(kinds.length > 0);
  });
});
