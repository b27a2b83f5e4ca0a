/** Convention test: every detector file is registered and documented; every kind has rules. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ALL_CUE_KINDS, TEXT_RULE_KINDS } from '@/utils/engine/cues/kinds';
import { DETECTORS } from '@/utils/engine/cues/registry';
import { loadBundledPacks } from '@/utils/engine/rules/bundled';
import { SOURCE_KEYS } from '@/utils/sources';

const dir = join(__dirname, '../../utils/engine/cues');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !['detector.ts', 'registry.ts', 'kinds.ts'].includes(f))
  .map((f) => f.replace(/\.ts$/, ''));

describe('cue detectors', () => {
  test.each(files)('%s is registered under its own kind', (file) => {
    expect(DETECTORS.map((d) => d.kind)).toContain(file);
  });
  test.each(DETECTORS.map((d) => [d.kind, d] as const))('%s is documented and has a role', (_k, d) => {
    expect(d.description.length).toBeGreaterThan(20);
    expect(Object.keys(d.role).length).toBeGreaterThan(0);
  });
  test('each declared kind has exactly one detector', () => {
    expect(DETECTORS.map((d) => d.kind).sort()).toEqual([...ALL_CUE_KINDS].sort());
  });
});

describe('rule packs', () => {
  const { languages, links } = loadBundledPacks();
  test.each(['en', 'ar'])('%s has rules of every text kind', (lang) => {
    const pack = languages.find((p) => p.lang === lang)!;
    for (const kind of TEXT_RULE_KINDS)
      expect(
        pack.rules.some((r) => r.kind === kind),
        kind,
      ).toBe(true);
  });
  test('every source a rule cites is in the catalogue', () => {
    const cited = [
      ...languages.flatMap((p) => p.rules.flatMap((r) => r.sources)),
      ...links.rules.flatMap((r) => r.sources),
      ...links.redirectors.flatMap((r) => r.sources),
    ];
    for (const key of cited) expect(SOURCE_KEYS, key).toContain(key);
  });
  test('rule ids are unique across packs', () => {
    const ids = languages.flatMap((p) => p.rules.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
