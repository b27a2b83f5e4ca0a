/**
 * Keyword gating is only a shortcut: on every corpus post, the findings with the rules its
 * keywords select are exactly the findings with every rule of its languages run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { analyzeItem } from '@/utils/engine/analyze';
import { bundledRules } from '@/utils/engine/rules/bundled';
import type { ItemInput } from '@/utils/engine/types';

const items: ItemInput[] = readdirSync(__dirname)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(join(__dirname, f), 'utf8').split('\n').filter(Boolean))
  .map((line) => {
    const { id, lang, platform, text, links, labels, fold } = JSON.parse(line);
    return { id, lang, platform, text, links, labels, fold };
  });

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
