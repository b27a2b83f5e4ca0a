/**
 * The person's own rules in settings, and their import/export file. Imports are parsed with zod;
 * a bad file is refused with a message naming the entry and the reason, and the rules already
 * there are never lost: valid imports are merged, duplicates skipped.
 */
import * as z from 'zod/mini';
import { CUSTOM_PHRASE_KINDS } from './engine/cues/kinds';
import type { CustomRules } from './engine/custom';
import { normalizeSite } from './ui/hosts';

/** The longest phrase and the longest name, and how many rules a list may hold (the import's messages say the same). */
const TEXT_LIMITS = { phrase: 100, name: 60 } as const;
const MAX_PER_LIST = 500;

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const CustomPhrase = z.strictObject({
  kind: z.enum(CUSTOM_PHRASE_KINDS),
  phrase: text(TEXT_LIMITS.phrase),
});
export const CustomProduct = z.strictObject({
  name: text(TEXT_LIMITS.name),
  aliases: z.array(text(TEXT_LIMITS.name)).check(z.maxLength(10)),
});
export const CustomLink = z.strictObject({
  name: text(TEXT_LIMITS.name),
  // A full address is reduced to its host, as the form does ("https://www.jasper.ai/?fpr=x").
  host: z.pipe(
    z.pipe(
      z.string().check(z.maxLength(2000)),
      z.transform((s) => normalizeSite(s) ?? s.trim().toLowerCase()),
    ),
    z.string().check(z.regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/, 'a host name such as "example.com"')),
  ),
  param: z.optional(
    z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/, 'a query parameter name such as "ref"')),
  ),
});

export const CustomRulesSchema = z.strictObject({
  phrases: z.array(CustomPhrase).check(z.maxLength(MAX_PER_LIST)),
  products: z.array(CustomProduct).check(z.maxLength(MAX_PER_LIST)),
  links: z.array(CustomLink).check(z.maxLength(MAX_PER_LIST)),
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

export const RULE_LISTS = ['phrases', 'products', 'links'] as const;
export type RuleList = (typeof RULE_LISTS)[number];

/** Why an import was refused, as data: the options page says it in the person's language. */
export type ImportError =
  | { code: 'too-big'; maxKb: number }
  | { code: 'not-json' }
  | { code: 'not-rules-file' }
  | { code: 'bad-entry'; list: RuleList; index: number; field: string }
  | { code: 'too-many'; list: RuleList; max: number };

export type ImportResult =
  | { ok: true; rules: CustomRules; added: number }
  | { ok: false; error: ImportError };

/** The first problem zod found, as the entry and field it concerns (paths start at the lists). */
export function importError(
  issues: readonly { path: readonly PropertyKey[] }[],
  code: 'bad' | 'limit',
): ImportError {
  const path = issues[0]?.path ?? [];
  const list = RULE_LISTS.find((l) => l === path[0]);
  if (list && code === 'limit' && path.length === 1) return { code: 'too-many', list, max: MAX_PER_LIST };
  if (list && typeof path[1] === 'number')
    return {
      code: 'bad-entry',
      list,
      index: path[1],
      field: typeof path[2] === 'string' ? path[2] : 'entry',
    };
  return { code: 'not-rules-file' };
}

/** Parses an import and merges it into `current`. `current` is returned untouched on any error. */
export function importCustomRules(current: CustomRules, raw: string): ImportResult {
  if (raw.length > MAX_IMPORT_BYTES)
    return { ok: false, error: { code: 'too-big', maxKb: MAX_IMPORT_BYTES / 1024 } };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, error: { code: 'not-json' } };
  }
  const parsed = z.safeParse(CustomRulesFile, data);
  if (!parsed.success) return { ok: false, error: importError(parsed.error.issues, 'bad') };
  return mergeCustomRules(current, parsed.data);
}

/**
 * `incoming` added to `current`: rules already there (compared without case) are skipped, so a
 * file imported twice adds nothing the second time. Refused if a list would pass its limit.
 */
export function mergeCustomRules(current: CustomRules, incoming: CustomRules): ImportResult {
  const key = (x: unknown) => JSON.stringify(x).toLowerCase();
  const merge = <T>(a: T[], b: T[]) => {
    const seen = new Set(a.map(key));
    const added = b.filter((x) => !seen.has(key(x)) && seen.add(key(x)));
    return [...a, ...added];
  };
  const next: CustomRules = {
    phrases: merge(current.phrases, incoming.phrases),
    products: merge(current.products, incoming.products),
    links: merge(current.links, incoming.links),
  };
  const added =
    next.phrases.length +
    next.products.length +
    next.links.length -
    (current.phrases.length + current.products.length + current.links.length);
  const limit = z.safeParse(CustomRulesSchema, next);
  if (!limit.success) return { ok: false, error: importError(limit.error.issues, 'limit') };
  return { ok: true, rules: next, added };
}

/**
 * An import error in plain words, in the UI's language: which entry, which field, and what is
 * allowed there ("Entry 2 of the phrases: its type must be one of: Disclosure, …").
 */
export function describeImportError(
  e: ImportError,
  t: (key: string, subs?: string | string[]) => string,
): string {
  switch (e.code) {
    case 'too-big':
      return t('import_err_too_big', String(e.maxKb));
    case 'not-json':
      return t('import_err_not_json');
    case 'not-rules-file':
      return t('import_err_not_rules_file');
    case 'too-many':
      return t('import_err_too_many', [t(`import_list_${e.list}`), String(e.max)]);
    case 'bad-entry': {
      const field = ['kind', 'phrase', 'name', 'aliases', 'host', 'param'].includes(e.field)
        ? e.field
        : 'entry';
      const allowed =
        field === 'kind'
          ? t(
              'import_allowed_kind',
              CUSTOM_PHRASE_KINDS.map((k) => t(`kind_${k.replace(/-/g, '_')}`)).join(', '),
            )
          : field === 'phrase' || field === 'name'
            ? t('import_allowed_text', String(TEXT_LIMITS[field]))
            : t(`import_allowed_${field}`);
      return t('import_err_entry', [
        String(e.index + 1),
        t(`import_list_${e.list}`),
        t(`import_field_${field}`),
        allowed,
      ]);
    }
  }
}
