import { textRuleDetector } from './detector';

/** Reporting, law, critique, tutorials, job posts, parody: talking about promotion is not promotion. */
export default textRuleDetector({
  kind: 'discourse',
  description:
    'Signs the post talks about the topic (news, law, critique, tutorial, job post, parody) rather than selling.',
  role: { discourse: 1 },
  concerns: [],
});
