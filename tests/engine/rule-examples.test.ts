/**
 * One generic test runs every rule's own examples (github-url-detection style): each `match`
 * example must fire the rule through the full engine path (normalization, keyword gating,
 * language selection) and each `noMatch` example must not.
 */
import { describe, expect, test } from 'vitest';
import { analyzeItem } from '@/utils/engine/analyze';
import { matchLinkRule, resolveLink } from '@/utils/engine/links';
import { bundledRules, loadBundledPacks } from '@/utils/engine/rules/bundled';
import type { ItemInput } from '@/utils/engine/types';

const { languages, links, lexicon } = loadBundledPacks();
const rules = bundledRules();

function item(text: string, lang: string, labels: string[] = []): ItemInput {
  return { id: 't', text, links: [], labels, lang, platform: 'generic' };
}
const firedRules = (input: ItemInput) => analyzeItem(input, rules).cues.map((c) => c.rule);

const textCases = languages.flatMap((pack) =>
  pack.rules.flatMap((rule) => [
    ...rule.examples.match.map((ex) => ({ pack: pack.lang, rule, ex, expected: true })),
    ...rule.examples.noMatch.map((ex) => ({ pack: pack.lang, rule, ex, expected: false })),
  ]),
);

describe('text rules fire on their own examples', () => {
  test.each(textCases)('$rule.id ($expected): $ex', ({ pack, rule, ex, expected }) => {
    const input = rule.kind === 'platform-label' ? item('', pack, [ex]) : item(ex, pack);
    expect(firedRules(input).includes(rule.id)).toBe(expected);
  });
});

describe('link rules match their own examples', () => {
  const cases = links.rules.flatMap((rule) => [
    ...rule.examples.match.map((url) => ({ rule, url, expected: true })),
    ...rule.examples.noMatch.map((url) => ({ rule, url, expected: false })),
  ]);
  test.each(cases)('$rule.id ($expected): $url', ({ rule, url, expected }) => {
    const compiled = rules.linkRules.find((r) => r.id === rule.id)!;
    expect(matchLinkRule(new URL(url), compiled)).toBe(expected);
  });
});

describe('redirectors unwrap offline', () => {
  const cases = links.redirectors.flatMap((r) =>
    r.examples.unwrap.map(([href, text, target]) => ({ id: r.id, href, text, target })),
  );
  test.each(cases)('$id: $href', ({ id, href, text, target }) => {
    const resolved = resolveLink({ href, text }, rules.redirectors);
    expect(resolved.via).toContain(id);
    expect(resolved.target?.href).toBe(new URL(target).href);
  });
});

describe('AI lexicon entries detect their own examples', () => {
  const cases = lexicon.entries.flatMap((entry) => [
    ...entry.examples.match.map((ex) => ({ entry, ex, expected: true })),
    ...entry.examples.noMatch.map((ex) => ({ entry, ex, expected: false })),
  ]);
  test.each(cases)('$entry.id ($expected): $ex', ({ entry, ex, expected }) => {
    const fired = firedRules(item(ex, /[\u0600-\u06ff]/.test(ex) ? 'ar' : 'en'));
    expect(fired.includes(`ai.${entry.id}`)).toBe(expected);
  });
});
