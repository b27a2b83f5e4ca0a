/** The packs that ship with Basira, validated and compiled once on first use (in Node). */

import lexicon from '../packs/ai-lexicon.json';
import ar from '../packs/ar.json';
import de from '../packs/de.json';
import en from '../packs/en.json';
import es from '../packs/es.json';
import fr from '../packs/fr.json';
import links from '../packs/links.json';
import style from '../packs/style-model.json';
import { type CompiledRules, instantiateRules, type PreparedRules, prepareRules } from './compile';
import { expectLoaded, loadLanguagePack, loadLexicon, loadLinkPack, loadStyleModel } from './load';
import type { LanguagePack, Lexicon, LinkPack, StyleModelPack } from './schema';

export const BUNDLED_LANGUAGE_PACKS: Record<string, unknown> = { en, ar, fr, es, de };

export interface BundledPacks {
  languages: LanguagePack[];
  links: LinkPack;
  lexicon: Lexicon;
  style: StyleModelPack;
}

/** Names of the bundled pack files (`packs/<name>.json`). */
export const BUNDLED_PACK_NAMES = [
  ...Object.keys(BUNDLED_LANGUAGE_PACKS),
  'links',
  'ai-lexicon',
  'style-model',
];

/**
 * The bundled packs, each read by `read(name)` and validated (a broken pack throws with its name
 * and the reason). The build reads them from disk; everything else, from the imports above.
 */
export function loadPacks(read: (name: string) => unknown): BundledPacks {
  return {
    languages: Object.keys(BUNDLED_LANGUAGE_PACKS).map((name) =>
      expectLoaded(loadLanguagePack(read(name), `packs/${name}.json`)),
    ),
    links: expectLoaded(loadLinkPack(read('links'), 'packs/links.json')),
    lexicon: expectLoaded(loadLexicon(read('ai-lexicon'), 'packs/ai-lexicon.json')),
    style: expectLoaded(loadStyleModel(read('style-model'), 'packs/style-model.json')),
  };
}

const IMPORTED: Record<string, unknown> = {
  ...BUNDLED_LANGUAGE_PACKS,
  links,
  'ai-lexicon': lexicon,
  'style-model': style,
};

export function loadBundledPacks(): BundledPacks {
  return loadPacks((name) => IMPORTED[name]);
}

/** The bundled packs, validated and prepared: what the extension build embeds. */
export function prepareBundledRules(): PreparedRules {
  const { languages, links, lexicon, style } = loadBundledPacks();
  return prepareRules(languages, links, lexicon, style);
}

let cached: CompiledRules | null = null;

/**
 * The bundled rules, compiled on first use, for Node (the CLI, tests, benchmarks). The extension
 * ships the same rules prepared at build time instead (`shippedRules()` in ./shipped.ts).
 */
export function bundledRules(): CompiledRules {
  cached ??= instantiateRules(prepareBundledRules());
  return cached;
}
