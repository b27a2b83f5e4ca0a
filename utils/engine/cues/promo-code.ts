import { textRuleDetector } from './detector';

export default textRuleDetector({
  kind: 'promo-code',
  description: 'A discount or promo code (use code SARA20, كود الخصم): the author is usually paid per use.',
  role: { tie: 1, promo: 1 },
  // A code or "link in bio" is a tie, not a commission link; the referral-link rules raise that concern.
  concerns: [],
});
