import { textRuleDetector } from './detector';

export default textRuleDetector({
  kind: 'hype',
  description: 'Hype: game-changer, you need this, 10x your income, هيغير حياتك.',
  role: { promo: 1 },
  concerns: ['fomo-urgency'],
});
