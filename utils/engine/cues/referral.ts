import { textRuleDetector } from './detector';

/** "my referral link", "link in bio", "DM me for the link", "الرابط في البايو". Rule weight scales the tie. */
export default textRuleDetector({
  kind: 'referral',
  description: 'Referral, invite or partner-link phrasing, link in bio, or "DM me for the link".',
  role: { tie: 1, promo: 1 },
  // A code or "link in bio" is a tie, not a commission link; the referral-link rules raise that concern.
  concerns: [],
});
