/**
 * Build step for the extension: validates every bundled rule pack with the same zod loaders the
 * CLI uses (a bad pack fails the build with a readable error) and strips what only authors and
 * tests need (examples, descriptions), so the content script neither ships nor re-validates them.
 */
import type { Plugin } from 'vite';
import { loadLanguagePack, loadLexicon, loadLinkPack } from '../engine/rules/load';

const PACK = /utils[\\/]engine[\\/]packs[\\/]([\w-]+)\.json$/;
const AUTHOR_ONLY = new Set(['examples', 'description', 'criteria', '$schema']);

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !AUTHOR_ONLY.has(k))
        .map(([k, v]) => [k, strip(v)]),
    );
  }
  return value;
}

export function packsPlugin(): Plugin {
  return {
    name: 'basira-packs',
    enforce: 'pre',
    transform(code, id) {
      const name = id.match(PACK)?.[1];
      if (!name) return null;
      const data: unknown = JSON.parse(code);
      const result =
        name === 'links'
          ? loadLinkPack(data, `packs/${name}.json`)
          : name === 'ai-lexicon'
            ? loadLexicon(data, `packs/${name}.json`)
            : loadLanguagePack(data, `packs/${name}.json`);
      if (!result.ok) this.error(result.error);
      return { code: JSON.stringify(strip(data)), map: null };
    },
  };
}

/** Replaced at build time: the packs were validated by the plugin above. */
export const PREVALIDATED_DEFINE = { __BASIRA_PACKS_PREVALIDATED__: 'true' };
