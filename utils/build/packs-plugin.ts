/**
 * Build step for the extension: validates every bundled rule pack with the same zod loaders the
 * CLI uses (a bad pack fails the build with a readable error) and prepares the rules once
 * (normalized pattern sources, keyword hashes, lexicon alternations). The extension's copy of
 * `utils/engine/rules/bundled.ts` becomes a module that only instantiates that prepared data, so
 * a page neither ships the packs' author-only fields nor spends its first long task compiling them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { BUNDLED_PACK_NAMES, loadPacks } from '../engine/rules/bundled';
import { instantiateRules, type PreparedRules, prepareRules } from '../engine/rules/compile';

const PACK_DIR = fileURLToPath(new URL('../engine/packs/', import.meta.url));
const packFile = (name: string) => `${PACK_DIR}${name}.json`;
const readPack = (name: string): unknown => JSON.parse(readFileSync(packFile(name), 'utf8'));

/**
 * The bundled packs as they are on disk now (not as the config loader cached them, so an edit
 * shows up in `wxt dev`), validated, prepared, and instantiated once with every rule's regexes
 * built: a rule that cannot run on a page fails the build instead.
 */
export function prepareFromDisk(): { prepared: PreparedRules; files: string[] } {
  const { languages, links, lexicon } = loadPacks(readPack);
  const prepared = prepareRules(languages, links, lexicon);
  const rules = instantiateRules(prepared);
  for (const rule of [...rules.packs.flatMap((p) => p.rules), ...rules.labelRules]) void rule.res;
  return { prepared, files: BUNDLED_PACK_NAMES.map(packFile) };
}

const BUNDLED = /utils[\\/]engine[\\/]rules[\\/]bundled\.ts$/;
const PACKS = /utils[\\/]engine[\\/]packs[\\/][\w-]+\.json$/;

/** The module that stands for bundled.ts in the extension: same `bundledRules()`, no packs. */
export function preparedModule(prepared: PreparedRules): string {
  // An object literal: JSON is valid JavaScript, and no string escaping doubles the backslashes.
  const json = JSON.stringify(prepared);
  return [
    `import { instantiateRules } from './compile';`,
    `let cached = null;`,
    `export function bundledRules() {`,
    `  cached ??= instantiateRules(${json});`,
    `  return cached;`,
    `}`,
  ].join('\n');
}

export function packsPlugin(): Plugin {
  return {
    name: 'basira-packs',
    enforce: 'pre',
    transform(_source, id) {
      if (PACKS.test(id)) {
        this.error(`${id} reached the extension bundle: import bundledRules() instead of a pack.`);
      }
      if (!BUNDLED.test(id)) return null;
      try {
        const { prepared, files } = prepareFromDisk();
        for (const file of files) this.addWatchFile(file);
        return { code: preparedModule(prepared), map: null };
      } catch (error) {
        this.error(`rule packs: ${(error as Error).message}`);
      }
    },
  };
}
