/** Every pattern must be safe from catastrophic backtracking: a static check and a timed probe. */
import { describe, expect, test } from 'vitest';
import { backtrackingRisk, normalizePatternSource, scanAll } from '@/utils/engine/patterns';
import { bundledRules, loadBundledPacks } from '@/utils/engine/rules/bundled';

const { languages, links } = loadBundledPacks();
const sources = [
  ...languages.flatMap((p) => p.rules.flatMap((r) => r.patterns.map((s) => ({ id: r.id, s })))),
  ...links.rules.flatMap((r) =>
    [r.path, r.paramValue, r.hostPattern].filter(Boolean).map((s) => ({ id: r.id, s: s! })),
  ),
];

describe('backtrackingRisk', () => {
  test.each([
    ['(a+)+', true],
    ['(?:\\w*)*x', true],
    ['(?:ab|cd)+', false],
    ['[a-z]{2,12}\\d{1,3}', false],
    ['(?:x[^.]{0,40})+', false],
  ])('%s → risky %s', (src, risky) => {
    expect(backtrackingRisk(src) !== null).toBe(risky);
  });
});

describe('bundled patterns', () => {
  test.each(sources)('$id has no nested unbounded quantifier: $s', ({ s }) => {
    expect(backtrackingRisk(s)).toBeNull();
    expect(backtrackingRisk(normalizePatternSource(s))).toBeNull();
  });

  test('every compiled rule stays linear on adversarial input', () => {
    const rules = bundledRules();
    const hostile = [
      'a'.repeat(20_000),
      `${'code '.repeat(4000)}!`,
      `${'#ad'.repeat(5000)}`,
      `${'thanks to '.repeat(2000)}x`,
      `${'ال'.repeat(8000)}`,
      `${' '.repeat(20_000)}x`,
      `${'link in '.repeat(3000)}`,
      `${'\n'.repeat(20_000)}sponsored`,
      `${'. '.repeat(10_000)}`,
      `${'! '.repeat(10_000)}`,
    ];
    const all = [...rules.packs.flatMap((p) => p.rules), ...rules.labelRules];
    for (const input of hostile) {
      for (const rule of all) {
        const start = performance.now();
        scanAll(rule.res, input, 10_000, () => undefined);
        const ms = performance.now() - start;
        expect(ms, `${rule.id} took ${ms.toFixed(0)} ms`).toBeLessThan(250);
      }
    }
  });
});
