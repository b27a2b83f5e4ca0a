/** AI names that are also ordinary words: when the lexicon reads them as products, and when not. */
import { describe, expect, test } from 'vitest';
import { analyzeItem } from '@/utils/engine/analyze';
import { bundledRules } from '@/utils/engine/rules/bundled';

const products = (text: string) =>
  analyzeItem({ id: 'i', text, links: [], labels: [], platform: 'generic' }, bundledRules()).products.sort();

describe('ambiguous AI names', () => {
  test('alone and without AI words, they stay ordinary words', () => {
    expect(products('Claude Monet painted water lilies at Giverny.')).toEqual([]);
    expect(products('Happy birthday to every Gemini out there, your season is here!')).toEqual([]);
  });

  test('two different ones confirm each other', () => {
    expect(
      products('Claude vs Gemini for long PDFs: my notes after a month of regulatory documents.'),
    ).toEqual(['Claude', 'Gemini']);
  });

  test('a name whose ordinary sense is spelled out confirms nothing', () => {
    expect(products('Claude Monet was born under the sign of Gemini, in November.')).toEqual([]);
  });

  test('a certain name confirms an ambiguous one, as before', () => {
    expect(products('ChatGPT and Claude both drafted the same email for me.')).toEqual(['ChatGPT', 'Claude']);
  });
});
