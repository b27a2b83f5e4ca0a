/**
 * The content script of every ordinary page (articles, blogs, shops): the generic adapter only.
 * The platforms have their own (platforms.content.ts), so a page with nothing to find carries no
 * platform's markup knowledge. The work itself is utils/content/run.ts.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PLATFORM_MATCHES } from '@/utils/adapters/domains';
import { runContentScript } from '@/utils/content/run';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  excludeMatches: PLATFORM_MATCHES,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, []),
});
