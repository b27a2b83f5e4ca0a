/**
 * `npm run train:style`: retrains the ad-likeness model from the corpus's tuning part and writes
 * utils/engine/packs/style-model.json, keeping the pack's description, sources, threshold and
 * examples. Run it after adding tuning posts; the corpus test then shows what changed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildStyleModel, corpusRows } from './style-model';

const packFile = fileURLToPath(new URL('../../utils/engine/packs/style-model.json', import.meta.url));
const pack = JSON.parse(readFileSync(packFile, 'utf8'));
const built = buildStyleModel(corpusRows());
writeFileSync(packFile, `${JSON.stringify({ ...pack, ...built }, null, 2)}\n`);
// In the house format, so `npm run lint` stays clean.
execFileSync('npx', ['biome', 'format', '--write', packFile], { stdio: 'ignore' });
console.log(
  `wrote utils/engine/packs/style-model.json: ${Object.keys(built.weights).length} weights from ${built.training.posts} tuning posts`,
);
