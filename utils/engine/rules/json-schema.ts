/**
 * The rule packs' zod schemas as JSON Schema files beside the packs, so an editor validates a
 * pack while it is written (each pack's `$schema` points at its file). `npm run schema` writes
 * them; tests/engine/json-schema.test.ts fails when they are out of date.
 */
import * as z from 'zod/mini';
import { LanguagePackSchema, LexiconSchema, LinkPackSchema, StyleModelSchema } from './schema';

export const PACK_SCHEMAS = {
  'language-pack.schema.json': LanguagePackSchema,
  'link-pack.schema.json': LinkPackSchema,
  'ai-lexicon.schema.json': LexiconSchema,
  'style-model.schema.json': StyleModelSchema,
} as const;

/** The file's text: JSON Schema (draft 2020-12), two-space indented, ending in a newline. */
export function schemaFile(name: keyof typeof PACK_SCHEMAS): string {
  return `${JSON.stringify(z.toJSONSchema(PACK_SCHEMAS[name], { io: 'input' }), null, 2)}\n`;
}
