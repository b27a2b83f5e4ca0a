import { textRuleDetector } from './detector';

export default textRuleDetector({
  kind: 'promo-code',
  description: 'A discount or promo code (use code SARA20, كود الخصم): the author is usually paid per use.',
  role: { tie: 1, promo: 1 },
  concerns: ['affiliate-incentive'],
});
