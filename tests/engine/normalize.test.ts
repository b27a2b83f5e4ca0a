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
    ['a code of look-alikes only, with digits', 'ЈОВЅ30', 'jobs30'],
    ['look-alikes only, after a Latin word', 'code ЈОВЅ', 'code jobs'],
    ['a Russian sentence stays Russian', 'это реклама сок', 'это реклама сок'],
    ['letters spelled apart', 's p o n s o r e d', 'sponsored'],
    ['letters dotted apart', '(s.p.o.n.s.o.r.e.d)', '(sponsored)'],
    ['Arabic letters dashed apart', 'إ-ع-ل-ا-ن', 'اعلان'],
    ['two spelled-out words stay two', 'c o d e  M I L O 2 0', 'code  milo20'],
    ['a dotted word then a spaced one', 'c.o.d.e C.H.L.O.E.2.0', 'code chloe20'],
    ['a hashtag with its letters apart', '#a.d and #a  d', '#ad and #ad'],
    ['initials and numbers are not words', 'U.S.A. 1 2 3 4 a.k.a', 'u.s.a. 1 2 3 4 a.k.a'],
    ['Greek capitals read as the Latin capitals they look like', 'ΑΝΖΕΙGΕ', 'anzeige'],
    ['a Greek word stays Greek', 'ΑΝΑΚΟΙΝΩΣΗ', 'ανακοινωση'],
    ['small capitals', 'ᴄᴏᴅᴇ ɴᴏʀᴀ25', 'code nora25'],
    ['negative squared letters', '🅲🅾🅳🅴 MIA20', 'code mia20'],
    ['emoji between spelled-out letters', 's✨p✨o✨n✨s✨o✨r✨e✨d', 'sponsored'],
    [
      'emoji with spaces between spelled-out letters',
      'Code: N 🔥 A 🔥 S 🔥 R 🔥 O 🔥 U 🔥 1 🔥 5',
      'code: nasrou15',
    ],
    ['three Arabic letters dashed apart', 'ك-و-د', 'كود'],
    ['three spaced Arabic letters stay apart', 'ا ل م', 'ا ل م'],
    ['a zero inside a word is o', 'c0de k0d SAVE20', 'code kod save20'],
    ['an at sign inside a word is a, not in an email', 'Ch@tGPT, hello@brand.ai', 'chatgpt, hello@brand.ai'],
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
