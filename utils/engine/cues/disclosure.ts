import { textRuleDetector } from './detector';

/** "#ad", "sponsored by X", "paid partnership", "#إعلان", "برعاية", "Werbung"… */
export default textRuleDetector({
  kind: 'disclosure',
  description: 'A clear disclosure written in the post: #ad, sponsored by, paid partnership, إعلان، برعاية.',
  role: { disclosure: 'clear' },
  concerns: [],
});
