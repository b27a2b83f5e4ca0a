/** `npm run schema`: writes the packs' JSON Schema files (see ./json-schema.ts). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PACK_SCHEMAS, schemaFile } from './json-schema';

const dir = fileURLToPath(new URL('../packs/', import.meta.url));
for (const name of Object.keys(PACK_SCHEMAS) as (keyof typeof PACK_SCHEMAS)[]) {
  writeFileSync(`${dir}${name}`, schemaFile(name));
  console.log(`wrote utils/engine/packs/${name}`);
}
