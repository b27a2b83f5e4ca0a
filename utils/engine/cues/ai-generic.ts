import { textRuleDetector } from './detector';

export default textRuleDetector({
  kind: 'ai-generic',
  description: 'Generic AI-product phrasing: AI tool, AI-powered, أداة ذكاء اصطناعي.',
  role: { ai: true },
  concerns: [],
});
