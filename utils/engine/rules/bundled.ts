/** The packs that ship with Basira, validated and compiled once on first use. */

import lexicon from '../packs/ai-lexicon.json';
import ar from '../packs/ar.json';
import de from '../packs/de.json';
import en from '../packs/en.json';
import es from '../packs/es.json';
import fr from '../packs/fr.json';
import links from '../packs/links.json';
import { type CompiledRules, compileRules } from './compile';
import { expectLoaded, loadLanguagePack, loadLexicon, loadLinkPack } from './load';
import type { LanguagePack, Lexicon, LinkPack } from './schema';

export const BUNDLED_LANGUAGE_PACKS: Record<string, unknown> = { en, ar, fr, es, de };
export const BUNDLED_LINK_PACK: unknown = links;
export const BUNDLED_LEXICON: unknown = lexicon;

declare const __BASIRA_PACKS_PREVALIDATED__: boolean | undefined;
/** True in extension builds, whose packs the build validated (utils/build/packs-plugin.ts). */
const PREVALIDATED = typeof __BASIRA_PACKS_PREVALIDATED__ !== 'undefined' && __BASIRA_PACKS_PREVALIDATED__;

export function loadBundledPacks(): { languages: LanguagePack[]; links: LinkPack; lexicon: Lexicon } {
  if (PREVALIDATED) {
    return {
      languages: Object.values(BUNDLED_LANGUAGE_PACKS) as LanguagePack[],
      links: links as LinkPack,
      lexicon: lexicon as Lexicon,
    };
  }
  return {
    languages: Object.entries(BUNDLED_LANGUAGE_PACKS).map(([name, pack]) =>
      expectLoaded(loadLanguagePack(pack, `packs/${name}.json`)),
    ),
    links: expectLoaded(loadLinkPack(links, 'packs/links.json')),
    lexicon: expectLoaded(loadLexicon(lexicon, 'packs/ai-lexicon.json')),
  };
}

let cached: CompiledRules | null = null;

export function bundledRules(): CompiledRules {
  if (!cached) {
    const { languages, links, lexicon } = loadBundledPacks();
    cached = compileRules(languages, links, lexicon);
  }
  return cached;
}
