/**
 * The person's own rules in settings, and their import/export file. Imports are parsed with zod;
 * a bad file is refused with a message naming the entry and the reason, and the rules already
 * there are never lost: valid imports are merged, duplicates skipped.
 */
import * as z from 'zod/mini';
import { CUSTOM_PHRASE_KINDS } from './engine/cues/kinds';
import type { CustomRules } from './engine/custom';

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const CustomPhrase = z.strictObject({ kind: z.enum(CUSTOM_PHRASE_KINDS), phrase: text(100) });
export const CustomProduct = z.strictObject({
  name: text(60),
  aliases: z.array(text(60)).check(z.maxLength(10)),
});
export const CustomLink = z.strictObject({
  name: text(60),
  host: z
    .string()
    .check(
      z.trim(),
      z.toLowerCase(),
      z.regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/, 'a host name such as "example.com"'),
    ),
  param: z.optional(
    z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/, 'a query parameter name such as "ref"')),
  ),
});

export const CustomRulesSchema = z.strictObject({
  phrases: z.array(CustomPhrase).check(z.maxLength(500)),
  products: z.array(CustomProduct).check(z.maxLength(500)),
  links: z.array(CustomLink).check(z.maxLength(500)),
});

/** The export file: versioned and self-describing. */
export const CustomRulesFile = z.strictObject({
  format: z.literal('basira-custom-rules'),
  version: z.literal(1),
  ...CustomRulesSchema.def.shape,
});

export const MAX_IMPORT_BYTES = 512 * 1024;

export function exportCustomRules(rules: CustomRules): string {
  return `${JSON.stringify({ format: 'basira-custom-rules', version: 1, ...rules }, null, 2)}\n`;
}

export type ImportResult = { ok: true; rules: CustomRules; added: number } | { ok: false; error: string };

/** Parses an import and merges it into `current`. `current` is returned untouched on any error. */
export function importCustomRules(current: CustomRules, raw: string): ImportResult {
  if (raw.length > MAX_IMPORT_BYTES)
    return { ok: false, error: `The file is larger than ${MAX_IMPORT_BYTES / 1024} KB.` };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    return { ok: false, error: `The file is not valid JSON: ${(e as Error).message}` };
  }
  const parsed = z.safeParse(CustomRulesFile, data);
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error) };
  const key = (x: unknown) => JSON.stringify(x).toLowerCase();
  const merge = <T>(a: T[], b: T[]) => {
    const seen = new Set(a.map(key));
    const added = b.filter((x) => !seen.has(key(x)) && seen.add(key(x)));
    return [...a, ...added];
  };
  const next: CustomRules = {
    phrases: merge(current.phrases, parsed.data.phrases),
    products: merge(current.products, parsed.data.products),
    links: merge(current.links, parsed.data.links),
  };
  const added =
    next.phrases.length +
    next.products.length +
    next.links.length -
    (current.phrases.length + current.products.length + current.links.length);
  const limit = z.safeParse(CustomRulesSchema, next);
  if (!limit.success)
    return { ok: false, error: `Too many rules after import: ${z.prettifyError(limit.error)}` };
  return { ok: true, rules: next, added };
}
