import { textRuleDetector } from './detector';

/** "#sp", "#collab", "#partner", "thanks @brand", "بالتعاون مع": a tie, but not a disclosure (FTC Disclosures 101). */
export default textRuleDetector({
  kind: 'ambiguous-disclosure',
  description:
    'Partnership hinted with a tag or a thank-you (#collab, #sp, بالتعاون مع) that does not count as disclosure.',
  role: { disclosure: 'ambiguous', tie: 1 },
  concerns: ['ambiguous-or-buried-disclosure'],
});
