/**
 * WXT module: the extension's rules, prepared at build time.
 *
 * The extension imports `virtual:basira/prepared-rules` (utils/engine/rules/shipped.ts). This
 * module answers that import with the bundled packs validated by the same zod loaders the CLI
 * uses (a bad pack fails the build with a readable error) and prepared once: normalized pattern
 * sources, keyword hashes, lexicon alternations. A page neither ships the packs' author-only
 * fields nor spends its first long task compiling them. A pack file imported directly into the
 * extension fails the build: it would ship the raw packs beside the prepared ones.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { addViteConfig, defineWxtModule } from 'wxt/modules';
import { BUNDLED_PACK_NAMES, loadPacks } from '../utils/engine/rules/bundled';
import { instantiateRules, type PreparedRules, prepareRules } from '../utils/engine/rules/compile';

export const PREPARED_RULES_ID = 'virtual:basira/prepared-rules';
const RESOLVED_ID = `\0${PREPARED_RULES_ID}`;

const PACK_DIR = fileURLToPath(new URL('../utils/engine/packs/', import.meta.url));
const packFile = (name: string) => `${PACK_DIR}${name}.json`;
const readPack = (name: string): unknown => JSON.parse(readFileSync(packFile(name), 'utf8'));

/**
 * The bundled packs as they are on disk now (not as the config loader cached them, so an edit
 * shows up in `wxt dev`), validated, prepared, and instantiated once with every rule's regexes
 * built: a rule that cannot run on a page fails the build instead.
 */
export function prepareFromDisk(): { prepared: PreparedRules; files: string[] } {
  const { languages, links, lexicon, style } = loadPacks(readPack);
  const prepared = prepareRules(languages, links, lexicon, style);
  const rules = instantiateRules(prepared);
  for (const rule of [...rules.packs.flatMap((p) => p.rules), ...rules.labelRules]) void rule.res;
  return { prepared, files: BUNDLED_PACK_NAMES.map(packFile) };
}

/** The virtual module's source: the prepared rules as one object literal. */
export function preparedModule(prepared: PreparedRules): string {
  // JSON is valid JavaScript, and no string escaping doubles the backslashes.
  return `export default ${JSON.stringify(prepared)};\n`;
}

const PACKS = /utils[\\/]engine[\\/]packs[\\/][\w-]+\.json$/;

export function preparedRulesPlugin(): Plugin {
  return {
    name: 'basira-prepared-rules',
    enforce: 'pre',
    resolveId(id) {
      return id === PREPARED_RULES_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      try {
        const { prepared, files } = prepareFromDisk();
        for (const file of files) this.addWatchFile(file);
        return { code: preparedModule(prepared), map: null };
      } catch (error) {
        this.error(`rule packs: ${(error as Error).message}`);
      }
    },
    transform(_source, id) {
      if (PACKS.test(id)) {
        this.error(`${id} reached the extension bundle: use shippedRules() instead of importing a pack.`);
      }
      return null;
    },
  };
}

export default defineWxtModule({
  name: 'basira:prepared-rules',
  setup(wxt) {
    addViteConfig(wxt, () => ({ plugins: [preparedRulesPlugin()] }));
  },
});
