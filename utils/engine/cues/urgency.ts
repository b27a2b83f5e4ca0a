import { textRuleDetector } from './detector';

export default textRuleDetector({
  kind: 'urgency',
  description:
    'Urgency and fear of missing out: before it is too late, ends tonight, لا تفوّت، قبل فوات الأوان.',
  role: { promo: 1 },
  concerns: ['fomo-urgency'],
});
