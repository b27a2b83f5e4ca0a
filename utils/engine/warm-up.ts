/**
 * A few invented posts the background runs through the engine while a page reads its first items,
 * so the first batch does not also pay for compiling the common rules' regexes and for the first
 * calls of the engine's code (measured in Chromium: the first batch of a feed took ~190 ms, the
 * next ones 20–50 ms), nor for building the ad-likeness model's index. Nothing is kept: only the
 * work done on the way matters.
 */
import { analyzeItem } from './analyze';
import type { CompiledRules } from './rules/compile';
import type { ItemInput } from './types';

const SAMPLES: readonly string[] = [
  'Not sponsored, just love this AI tool 🔥 Use code MAYA20 for 20% off, link in bio! Try it today before it is too late #ad #aitools',
  'Thanks @heygen for the early access. I use ChatGPT and Claude for coding; this AI-powered app writes my captions in minutes. Sign up free: heygen.com/?via=maya',
  'إعلان | جربوا تطبيق الذكاء الاصطناعي هذا، كود خصم نور10 والرابط في البايو، لا يفوتكم العرض #كود_خصم',
  'Publicidad: prueba esta IA gratis hoy, código LAURA10 en el enlace de la bio. Werbung: probiert es aus, Rabattcode im Link! Pub : essayez ce code promo.',
  'The company said in a statement that the new model will launch next week, according to a report. Is it worth it? Honest review: pros and cons.',
  // A mention the rules leave unflagged: the ad-likeness model reads it (and builds its index).
  'Asked ChatGPT about my week plan last night, it was decent 😍',
];

export function warmUp(rules: CompiledRules): void {
  for (const [i, text] of SAMPLES.entries()) {
    const item: ItemInput = {
      id: `warm-${i}`,
      text,
      links: [],
      labels: i === 0 ? ['Paid partnership with HeyGen'] : [],
      platform: 'x',
    };
    analyzeItem(item, rules);
  }
}
