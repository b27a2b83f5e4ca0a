import { linkRuleDetector } from './detector';

export default linkRuleDetector(
  {
    kind: 'affiliate-link',
    description:
      'A link carrying an affiliate or referral code (network domains, ?via=, ?fpr=, tag=…-20), unwrapped offline.',
    role: { tie: 1, linkTie: true, promo: 1 },
    concerns: ['affiliate-incentive'],
  },
  'affiliate',
  (target, rule) => `${target.hostname.replace(/^www\./, '')} — ${rule.name}`,
);
