/** Every corpus post as the engine's input (for tests that run the engine over all of them). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ItemInput } from '@/utils/engine/types';

export function corpusInputs(): ItemInput[] {
  return readdirSync(__dirname)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(__dirname, f), 'utf8').split('\n').filter(Boolean))
    .map((line) => {
      const { id, lang, platform, text, links, labels, fold } = JSON.parse(line);
      return { id, lang, platform, text, links, labels, fold };
    });
}
