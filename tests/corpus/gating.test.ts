/**
 * Keyword gating is only a shortcut: on every corpus post, the findings with the rules its
 * keywords select are exactly the findings with every rule of its languages run.
 */
import { expect, test } from 'vitest';
import { analyzeItem } from '@/utils/engine/analyze';
import { bundledRules } from '@/utils/engine/rules/bundled';
import { corpusInputs } from './inputs';

const items = corpusInputs();

test('gated and ungated analysis agree on every corpus post', () => {
  const rules = bundledRules();
  expect(items.length).toBeGreaterThan(500);
  const differ = items.filter(
    (item) =>
      JSON.stringify(analyzeItem(item, rules)) !==
      JSON.stringify(analyzeItem(item, rules, { ungated: true })),
  );
  expect(differ.map((i) => i.id)).toEqual([]);
});
