import { toOriginalSpan } from '../normalize';
import { scanAll } from '../patterns';
import { anyPresent } from '../tokens';
import type { CueDetector } from './detector';

/**
 * Generic AI words (AI, chatbot, الذكاء الاصطناعي, #ذكاء_اصطناعي) from the lexicon's context list.
 * They make the topic AI when the item promotes something, but name no product on their own.
 */
const detector: CueDetector = {
  kind: 'ai-topic',
  description:
    'Generic AI words (AI, chatbot, الذكاء الاصطناعي) that make the topic AI without naming a product.',
  role: { aiContext: true },
  concerns: [],
  phase: 1,
  detect(ctx) {
    // A link to an .ai domain is about an AI product.
    const aiDomain = ctx.links.find((l) => l.target?.hostname.endsWith('.ai'));
    if (aiDomain?.target) {
      return [
        { kind: 'ai-topic', rule: 'ai.domain', text: aiDomain.target.hostname, lang: 'und', sources: [] },
      ];
    }
    // The generic words' regex runs only when one of their keywords is in the post.
    if (!anyPresent(ctx.rules.lexicon.contextGates, ctx.present)) return [];
    let m: RegExpExecArray | null = null;
    scanAll(ctx.rules.lexicon.contextRe, ctx.norm.text, 1, (found) => {
      m ??= found;
    });
    if (!m) return [];
    const match = m as RegExpExecArray;
    const [start, end] = toOriginalSpan(ctx.norm, match.index, match.index + match[0].length);
    return [
      {
        kind: 'ai-topic',
        rule: 'ai.context',
        text: ctx.item.text.slice(start, end),
        lang: 'und',
        start,
        end,
        sources: [],
      },
    ];
  },
};
export default detector;
