/**
 * The rules the extension ships: prepared at build time by modules/prepared-rules.ts (validated
 * packs, normalized patterns, keyword hashes) and instantiated here once, on first use.
 * Node (the CLI, tests, benchmarks) compiles the same packs with `bundledRules()` instead.
 */
import prepared from 'virtual:basira/prepared-rules';
import { type CompiledRules, instantiateRules } from './compile';

let cached: CompiledRules | null = null;

export function shippedRules(): CompiledRules {
  cached ??= instantiateRules(prepared);
  return cached;
}
