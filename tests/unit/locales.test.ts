/**
 * English and Arabic share every key and every placeholder, no Arabic message is empty, and none
 * is a copy of the English one (Arabic written for Arabic readers, not left untranslated).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CONCERNS, PLATFORMS, VERDICTS } from '@/utils/engine/types';
import { SOURCE_KEYS } from '@/utils/sources';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const dir = join(import.meta.dirname, '../../public/_locales');
const read = (lang: string) =>
  JSON.parse(readFileSync(join(dir, lang, 'messages.json'), 'utf8')) as Record<string, Entry>;
const en = read('en');
const ar = read('ar');
const locales = readdirSync(dir);

/** Only a web address may read the same in both languages. */
const isUrl = (message: string) => /^https?:\/\/\S+$/.test(message);

const placeholderNames = (e: Entry) => Object.keys(e.placeholders ?? {}).sort();
const used = (e: Entry) => [...e.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase());

describe('locales', () => {
  test('English is the default locale and Arabic is shipped', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'ar']));
  });

  test.each(locales.filter((l) => l !== 'en'))('%s has exactly the English keys', (lang) => {
    const other = read(lang);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
  });

  test.each(Object.keys(en))('%s: identical placeholder names, and every one used is declared', (key) => {
    expect(placeholderNames(ar[key]!)).toEqual(placeholderNames(en[key]!));
    for (const entry of [en[key]!, ar[key]!]) {
      for (const name of used(entry)) expect(placeholderNames(entry)).toContain(name);
      for (const p of Object.values(entry.placeholders ?? {})) expect(p.content).toMatch(/^\$[1-9]$/);
    }
  });

  test.each(Object.keys(en))('%s: Arabic is written, not empty and not copied from English', (key) => {
    const message = ar[key]!.message;
    expect(message.trim()).not.toBe('');
    if (!isUrl(en[key]!.message)) expect(message).not.toBe(en[key]!.message);
  });

  test('Arabic messages are in Arabic script (a stray English string would show up here)', () => {
    const latinOnly = Object.entries(ar).filter(
      ([key, e]) => !/[\u0600-\u06FF]/.test(e.message) && !['locale_code', 'locale_dir'].includes(key),
    );
    expect(latinOnly.map(([k]) => k)).toEqual([]);
  });

  test('a literal dollar sign before a digit is escaped, or the browser would read it as a substitution', () => {
    for (const messages of [en, ar])
      for (const [key, e] of Object.entries(messages))
        expect(e.message.replace(/\$\$/g, ''), key).not.toMatch(/\$\d/);
  });

  test('every key the UI builds from data exists', () => {
    const keys = [
      ...VERDICTS.flatMap((v) => [`verdict_${v}`, `why_${v}`]),
      ...PLATFORMS.map((p) => `platform_${p}`),
      ...CONCERNS.flatMap((c) => [`concern_${c.replace(/-/g, '_')}`, `concern_${c.replace(/-/g, '_')}_text`]),
      ...['zero', 'one', 'two', 'few', 'many', 'other'].flatMap((c) => [
        `status_count_${c}`,
        `opt_import_ok_${c}`,
      ]),
      'locale_code',
      'locale_dir',
    ];
    expect(keys.filter((k) => !(k in en))).toEqual([]);
    expect(en.locale_dir!.message).toBe('ltr');
    expect(ar.locale_dir!.message).toBe('rtl');
  });

  test('every message is used by the code (no dead strings to translate)', () => {
    const root = join(import.meta.dirname, '../..');
    const files = (d: string): string[] =>
      readdirSync(join(root, d)).flatMap((f) => {
        const rel = join(d, f);
        if (statSync(join(root, rel)).isDirectory()) return rel.includes('engine') ? [] : files(rel);
        return /\.(ts|tsx)$/.test(f) ? [rel] : [];
      });
    const code = ['components', 'utils', 'entrypoints', 'wxt.config.ts']
      .flatMap((d) => (d.endsWith('.ts') ? [d] : files(d)))
      .map((f) => readFileSync(join(root, f), 'utf8'))
      .join('\n');
    // Keys built from data: `verdict_${v}`, plural('status_count', n), seed titles from source keys.
    const prefixes = [
      ...[...code.matchAll(/`([a-z_]+_)\$\{/g)].map((m) => m[1]!),
      ...[...code.matchAll(/plural\('([a-z_]+)'/g)].map((m) => `${m[1]}_`),
    ];
    const seeds = SOURCE_KEYS.map((k) => k.replace('-', '_'));
    const unused = Object.keys(en).filter(
      (key) =>
        !code.includes(`'${key}'`) &&
        !code.includes(`__MSG_${key}__`) &&
        !prefixes.some((p) => key.startsWith(p)) &&
        !seeds.includes(key),
    );
    expect(unused).toEqual([]);
  });
});
