import { textRuleDetector } from './detector';

export default textRuleDetector({
  kind: 'cta',
  description: 'A call to action: sign up, try it free, سجل الآن، جربه مجانًا.',
  role: { promo: 1 },
  concerns: [],
});
