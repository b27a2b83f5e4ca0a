/**
 * Build step for the extension: validates every bundled rule pack with the same zod loaders the
 * CLI uses (a bad pack fails the build with a readable error) and prepares the rules once
 * (normalized pattern sources, keyword hashes, lexicon alternations). The extension's copy of
 * `utils/engine/rules/bundled.ts` becomes a module that only instantiates that prepared data, so
 * a page neither ships the packs' author-only fields nor spends its first long task compiling them.
 */
import type { Plugin } from 'vite';
import { prepareBundledRules } from '../engine/rules/bundled';
import type { PreparedRules } from '../engine/rules/compile';

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
  let code: string | null = null;
  return {
    name: 'basira-packs',
    enforce: 'pre',
    buildStart() {
      code = null;
    },
    transform(_source, id) {
      if (PACKS.test(id)) {
        this.error(`${id} reached the extension bundle: import bundledRules() instead of a pack.`);
      }
      if (!BUNDLED.test(id)) return null;
      try {
        code ??= preparedModule(prepareBundledRules());
      } catch (error) {
        this.error(`rule packs: ${(error as Error).message}`);
      }
      return { code, map: null };
    },
  };
}
