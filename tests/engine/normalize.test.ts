import { describe, expect, test } from 'vitest';
import { normalize, normalizeText, toOriginalSpan } from '@/utils/engine/normalize';

describe('normalizeText', () => {
  test.each([
    ['case folding', 'SPONSORED', 'sponsored'],
    ['full-width letters', 'ＳＰＯＮＳＯＲＥＤ', 'sponsored'],
    ['mathematical bold', '𝐬𝐩𝐨𝐧𝐬𝐨𝐫𝐞𝐝', 'sponsored'],
    ['zero-width space inside a word', 'spon\u200bsored', 'sponsored'],
    ['soft hyphen', 'spon\u00adsored', 'sponsored'],
    ['bidi controls', '\u202bsponsored\u202c', 'sponsored'],
    ['accents', 'publicité sponsorisé', 'publicite sponsorise'],
    ['Cyrillic look-alikes in a Latin word', 'ѕponѕored', 'sponsored'],
    ['Greek look-alikes in a Latin word', 'sπonsοred'.replace('π', 'p'), 'sponsored'],
    ['a Russian word stays Russian', 'реклама', 'реклама'],
    ['Arabic diacritics', 'إِعْلَان', 'اعلان'],
    ['tatweel', 'إعـــلان', 'اعلان'],
    ['alef variants', 'أإآٱ', 'اااا'],
    ['yaa and alef maqsura', 'على ی', 'علي ي'],
    ['taa marbuta', 'شراكة مدفوعة', 'شراكه مدفوعه'],
    ['Persian kaf', 'کود', 'كود'],
    ['Arabic-Indic digits', 'كود ٢٠', 'كود 20'],
    ['Persian digits', '۲۰٪', '20٪'],
    ['typographic apostrophe', 'it’s', "it's"],
    ['Arabic presentation forms', 'ﻻ', 'لا'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('map back to the original', () => {
  test('spans survive removed characters', () => {
    const original = 'Use c\u200bode S\u00adARA20 now';
    const norm = normalize(original);
    const start = norm.text.indexOf('sara20');
    const [s, e] = toOriginalSpan(norm, start, start + 'sara20'.length);
    expect(original.slice(s, e)).toBe('S\u00adARA20');
  });
  test('spans survive Arabic diacritics', () => {
    const original = 'هذا إِعْلَانٌ مدفوع';
    const norm = normalize(original);
    const start = norm.text.indexOf('اعلان');
    const [s, e] = toOriginalSpan(norm, start, start + 5);
    expect(original.slice(s, e)).toBe('إِعْلَان');
  });
  test('every normalized unit maps inside the original', () => {
    const original = 'Ｆｕｌｌ ﬁne 𝐛𝐨𝐥𝐝 ٣ إعـلان';
    const norm = normalize(original);
    expect(norm.map.length).toBe(norm.text.length);
    for (const i of norm.map) expect(i).toBeLessThan(original.length);
  });
});
