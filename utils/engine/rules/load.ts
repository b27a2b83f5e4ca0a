/**
 * Loading packs at a trust boundary: parse with zod, and on failure say which pack, which entry
 * and why — never throw a raw error at the user.
 */
import * as z from 'zod/mini';
import { backtrackingRisk, expandProperties, normalizePatternSource } from '../patterns';
import {
  type LanguagePack,
  LanguagePackSchema,
  type Lexicon,
  LexiconSchema,
  type LinkPack,
  LinkPackSchema,
  type StyleModelPack,
  StyleModelSchema,
} from './schema';

export type LoadResult<T> = { ok: true; value: T } | { ok: false; error: string };

function checkRegexes(
  sources: readonly (string | undefined)[],
  where: string,
  normalized = false,
): string | null {
  for (const source of sources) {
    if (source === undefined) continue;
    try {
      // Checked in the form that runs: literals normalized, property classes expanded.
      new RegExp(expandProperties(normalized ? normalizePatternSource(source) : source), 'u');
    } catch (e) {
      return `${where}: invalid pattern ${JSON.stringify(source)} (${(e as Error).message})`;
    }
    const risk = backtrackingRisk(source);
    if (risk) return `${where}: pattern ${JSON.stringify(source)} risks catastrophic backtracking (${risk})`;
    if (/\((?!\?)/.test(source.replace(/\\./g, '').replace(/\[[^\]]*\]/g, ''))) {
      return `${where}: pattern ${JSON.stringify(source)} has a capturing group; use (?:…)`;
    }
  }
  return null;
}

function parse<T>(schema: z.ZodMiniType<T>, input: unknown, name: string): LoadResult<T> {
  const result = z.safeParse(schema, input);
  if (!result.success)
    return { ok: false, error: `${name} is not a valid rule pack:\n${z.prettifyError(result.error)}` };
  return { ok: true, value: result.data };
}

export function loadLanguagePack(input: unknown, name = 'language pack'): LoadResult<LanguagePack> {
  const result = parse(LanguagePackSchema, input, name);
  if (!result.ok) return result;
  const seen = new Set<string>();
  for (const rule of result.value.rules) {
    if (seen.has(rule.id)) return { ok: false, error: `${name}: duplicate rule id "${rule.id}"` };
    seen.add(rule.id);
    const problem = checkRegexes(rule.patterns, `${name}, rule "${rule.id}"`, true);
    if (problem) return { ok: false, error: problem };
  }
  return result;
}

export function loadLinkPack(input: unknown, name = 'link pack'): LoadResult<LinkPack> {
  const result = parse(LinkPackSchema, input, name);
  if (!result.ok) return result;
  for (const rule of result.value.rules) {
    const problem = checkRegexes(
      [rule.paramValue, rule.path, rule.hostPattern],
      `${name}, rule "${rule.id}"`,
    );
    if (problem) return { ok: false, error: problem };
  }
  for (const r of result.value.redirectors) {
    const problem = checkRegexes([r.path], `${name}, redirector "${r.id}"`);
    if (problem) return { ok: false, error: problem };
  }
  return result;
}

export function loadLexicon(input: unknown, name = 'AI lexicon'): LoadResult<Lexicon> {
  const result = parse(LexiconSchema, input, name);
  if (!result.ok) return result;
  const ids = new Set<string>();
  for (const entry of result.value.entries) {
    if (ids.has(entry.id)) return { ok: false, error: `${name}: duplicate entry id "${entry.id}"` };
    ids.add(entry.id);
  }
  return result;
}

export function loadStyleModel(input: unknown, name = 'ad-likeness model'): LoadResult<StyleModelPack> {
  return parse(StyleModelSchema, input, name);
}

/** Unwraps a load result or throws with the readable message (for bundled packs, which tests keep valid). */
export function expectLoaded<T>(result: LoadResult<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
