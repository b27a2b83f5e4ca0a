/**
 * `npm run cv:style`: how the ad-likeness model's settings were chosen, reproducibly, from the
 * corpus's tuning part only (the held-out part is never read). Five folds of the tuning posts: the
 * model is trained on four and scores the fifth. Prints, for posts about AI, the classifier's
 * precision and recall at the ad threshold candidates, and for the talk threshold candidates how
 * many flagged tuning posts the talk cue would turn right or wrong (the chosen one is the highest
 * that turns none wrong). Nothing is written.
 */
import { analyzeItem } from '@/utils/engine/analyze';
import { normalize } from '@/utils/engine/normalize';
import { bundledRules } from '@/utils/engine/rules/bundled';
import { scoreStyle, styleFeatures } from '@/utils/engine/style';
import { type Cue, FLAGGED } from '@/utils/engine/types';
import { decide } from '@/utils/engine/verdict';
import { corpusRows, fitStyle } from './style-model';

const FOLDS = 5;
const rows = corpusRows().filter((r) => r.split === 'tune');
const rules = bundledRules();
const none = new Set(['ad-style', 'talk-style'] as const);
const posts = rows.map((r) => {
  const { id, lang, platform, text, links, labels, fold } = r;
  const finding = analyzeItem({ id, lang, platform, text, links, labels, fold }, rules, {
    disabledKinds: none,
  });
  return {
    features: styleFeatures(text, normalize(text).text),
    label: (FLAGGED.has(r.expect.verdict) ? 1 : 0) as 0 | 1,
    cues: finding.cues,
    ai: finding.topic === 'ai',
    positive: FLAGGED.has(r.expect.verdict) && r.expect.topic === 'ai',
  };
});
const outOfFold = new Array<number>(posts.length);
for (let k = 0; k < FOLDS; k++) {
  const { bias, weights } = fitStyle(posts.filter((_, i) => i % FOLDS !== k));
  const model = { id: 'cv', sources: [], bias, threshold: 0.9, talkThreshold: 0.2, weights };
  posts.forEach((p, i) => {
    if (i % FOLDS === k) outOfFold[i] = scoreStyle(model, p.features).score;
  });
}
console.log(`${posts.length} tuning posts, ${FOLDS} folds`);
for (const t of [0.7, 0.8, 0.85, 0.9, 0.95]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  posts.forEach((p, i) => {
    if (!p.ai) return;
    const hit = outOfFold[i]! >= t;
    if (hit && p.label) tp++;
    else if (hit) fp++;
    else if (p.label) fn++;
  });
  console.log(
    `ad threshold ${t}: precision ${(tp / (tp + fp)).toFixed(3)} recall ${(tp / (tp + fn)).toFixed(3)} (posts about AI)`,
  );
}
const talk: Cue = { kind: 'talk-style', rule: 'cv.talk', text: '', lang: 'und', sources: [] };
for (const t of [0.1, 0.2, 0.3, 0.4, 0.5]) {
  let righted = 0;
  let wronged = 0;
  posts.forEach((p, i) => {
    if (!p.ai || outOfFold[i]! >= t) return;
    const before = decide(p.cues);
    if (!FLAGGED.has(before.verdict)) return;
    const after = decide([...p.cues, talk]);
    if (FLAGGED.has(after.verdict)) return;
    if (p.positive) wronged++;
    else righted++;
  });
  console.log(
    `talk threshold ${t}: unflags ${righted} wrongly flagged tuning posts, ${wronged} rightly flagged ones`,
  );
}
