import { textRuleDetector } from './detector';

/** "not sponsored", "no affiliate links", "مو إعلان": cancels any disclosure it covers. */
export default textRuleDetector({
  kind: 'negated-disclosure',
  description:
    'A denial of sponsorship (not sponsored, ليس إعلانًا); it cancels the disclosure words it contains.',
  role: { disclosure: 'negated' },
  concerns: [],
});
