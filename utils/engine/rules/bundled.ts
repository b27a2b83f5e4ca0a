/** The packs that ship with Basira, validated and compiled once on first use. */

import lexicon from '../packs/ai-lexicon.json';
import ar from '../packs/ar.json';
import de from '../packs/de.json';
import en from '../packs/en.json';
import es from '../packs/es.json';
import fr from '../packs/fr.json';
import links from '../packs/links.json';
import { type CompiledRules, instantiateRules, type PreparedRules, prepareRules } from './compile';
import { expectLoaded, loadLanguagePack, loadLexicon, loadLinkPack } from './load';
import type { LanguagePack, Lexicon, LinkPack } from './schema';

export const BUNDLED_LANGUAGE_PACKS: Record<string, unknown> = { en, ar, fr, es, de };
export const BUNDLED_LINK_PACK: unknown = links;
export const BUNDLED_LEXICON: unknown = lexicon;

/** The bundled packs, each validated (a broken pack throws with its name and the reason). */
export function loadBundledPacks(): { languages: LanguagePack[]; links: LinkPack; lexicon: Lexicon } {
  return {
    languages: Object.entries(BUNDLED_LANGUAGE_PACKS).map(([name, pack]) =>
      expectLoaded(loadLanguagePack(pack, `packs/${name}.json`)),
    ),
    links: expectLoaded(loadLinkPack(links, 'packs/links.json')),
    lexicon: expectLoaded(loadLexicon(lexicon, 'packs/ai-lexicon.json')),
  };
}

/** The bundled packs, validated and prepared: what the extension build embeds. */
export function prepareBundledRules(): PreparedRules {
  const { languages, links, lexicon } = loadBundledPacks();
  return prepareRules(languages, links, lexicon);
}

let cached: CompiledRules | null = null;

/**
 * The bundled rules, compiled on first use. In the extension this module is replaced by one
 * that instantiates the rules prepared at build time (utils/build/packs-plugin.ts).
 */
export function bundledRules(): CompiledRules {
  cached ??= instantiateRules(prepareBundledRules());
  return cached;
}
