/** Editors validate packs against the JSON Schema files beside them; these must match the zod schemas. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PACK_SCHEMAS, schemaFile } from '@/utils/engine/rules/json-schema';

const PACKS = join(__dirname, '../../utils/engine/packs');
const names = Object.keys(PACK_SCHEMAS) as (keyof typeof PACK_SCHEMAS)[];

describe('pack JSON Schemas', () => {
  test.each(names)('%s is up to date (run `npm run schema`)', (name) => {
    expect(readFileSync(join(PACKS, name), 'utf8')).toBe(schemaFile(name));
  });

  test.each([
    ['en.json', 'language-pack.schema.json'],
    ['ar.json', 'language-pack.schema.json'],
    ['links.json', 'link-pack.schema.json'],
    ['ai-lexicon.json', 'ai-lexicon.schema.json'],
  ])('%s points its $schema at %s', (pack, schema) => {
    expect(JSON.parse(readFileSync(join(PACKS, pack), 'utf8')).$schema).toBe(`./${schema}`);
  });
});
