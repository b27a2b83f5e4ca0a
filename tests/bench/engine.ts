/**
 * Engine throughput: at least 5 MB of mixed English and Arabic posts through the full engine,
 * against the floor — one precompiled regex pass over the same posts — in the same run.
 * Prints one JSON line. Target: engine throughput ≥ 1/3 of the floor's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeItem } from '../../utils/engine/analyze';
import { bundledRules } from '../../utils/engine/rules/bundled';
import type { ItemInput } from '../../utils/engine/types';

const TARGET_BYTES = 5 * 1024 * 1024;
const corpusDir = join(import.meta.dirname, '../corpus');
const seeds: ItemInput[] = readdirSync(corpusDir)
  .filter((f) => f === 'en.jsonl' || f === 'ar.jsonl')
  .flatMap((f) => readFileSync(join(corpusDir, f), 'utf8').split('\n').filter(Boolean))
  .map((line) => JSON.parse(line))
  .map((c) => ({
    id: c.id,
    text: c.text,
    links: c.links,
    labels: c.labels,
    lang: null,
    platform: c.platform,
    fold: c.fold,
  }));

// Vary the posts (numbers, handles, order) so the run is not one post repeated.
const posts: ItemInput[] = [];
let bytes = 0;
for (let i = 0; bytes < TARGET_BYTES; i++) {
  const s = seeds[i % seeds.length]!;
  const text = `${s.text}\n@user${i} · ${i % 59}m`;
  posts.push({ ...s, id: `p${i}`, text });
  bytes += Buffer.byteLength(text);
}

const FLOOR = /#ad\b|sponsored|affiliate|promo code|use code|link in bio|إعلان|برعاية|كود|بالتعاون مع/giu;
function floorPass(): number {
  let hits = 0;
  for (const p of posts) {
    FLOOR.lastIndex = 0;
    while (FLOOR.exec(p.text)) hits++;
  }
  return hits;
}
function enginePass(): number {
  let flagged = 0;
  for (const p of posts) if (analyzeItem(p, rules).verdict !== 'none') flagged++;
  return flagged;
}
function best(fn: () => number, runs: number): { ms: number; result: number } {
  let ms = Number.POSITIVE_INFINITY;
  let result = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    result = fn();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, result };
}

const compileStart = performance.now();
const rules = bundledRules();
const compileMs = performance.now() - compileStart;
best(enginePass, 1); // warm-up
const floor = best(floorPass, 5);
const engine = best(enginePass, 3);
const mb = bytes / 1024 / 1024;
const report = {
  bench: 'engine-throughput',
  posts: posts.length,
  megabytes: Number(mb.toFixed(2)),
  engineMs: Number(engine.ms.toFixed(1)),
  engineMBps: Number((mb / (engine.ms / 1000)).toFixed(2)),
  floorMs: Number(floor.ms.toFixed(1)),
  floorMBps: Number((mb / (floor.ms / 1000)).toFixed(2)),
  ratio: Number((floor.ms / engine.ms).toFixed(3)),
  target: 1 / 3,
  met: floor.ms / engine.ms >= 1 / 3,
  rulesCompileMs: Number(compileMs.toFixed(1)),
  flaggedOrMentioned: engine.result,
};
console.log(JSON.stringify(report));
