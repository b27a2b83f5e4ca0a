import { linkRuleDetector } from './detector';

/** Shorteners and link hubs hide the destination; Basira never follows them over the network. */
export default linkRuleDetector(
  {
    kind: 'opaque-link',
    description:
      'A shortened or link-hub address (bit.ly, linktr.ee) whose destination is hidden; never followed.',
    role: { promo: 0.5 },
    concerns: [],
  },
  'opaque',
  (_target, rule) => rule.name,
);
