/**
 * The content script of the platforms Basira reads natively (X, YouTube, Instagram, LinkedIn,
 * TikTok, Facebook, Reddit): their adapters, on their domains only (utils/adapters/domains.ts).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PLATFORM_MATCHES } from '@/utils/adapters/domains';
import { PLATFORM_ADAPTERS } from '@/utils/adapters/registry';
import { runContentScript } from '@/utils/content/run';

export default defineContentScript({
  matches: PLATFORM_MATCHES,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, PLATFORM_ADAPTERS),
});
