/**
 * Content script: reads the page through its platform adapter, analyzes items on the device and
 * reports findings to the background. Never throws into the page; everything is tied to `ctx`.
 */
import { adapterFor } from '@/utils/adapters/registry';
import { sendMessage } from '@/utils/messaging';
import type { FindingWire } from '@/utils/protocol';
import { Scanner } from '@/utils/scanner';
import { getSettings, isPaused } from '@/utils/settings';

const REPORT_CHUNK = 400;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    let scanner: Scanner | null = null;
    let observer: MutationObserver | null = null;

    const send = <T extends Parameters<typeof sendMessage>[0]>(
      type: T,
      data: Parameters<typeof sendMessage<T>>[1],
    ) => sendMessage(type, data).catch(() => undefined); // background asleep or extension reloaded

    const begin = async () => {
      scanner?.stop();
      observer?.disconnect();
      const url = new URL(location.href);
      const adapter = adapterFor(url);
      const settings = await getSettings().catch(() => null);
      const paused = settings ? isPaused(settings, url.hostname) : false;
      await send('page:start', { url: url.href, platform: adapter.id, paused });
      if (paused || !ctx.isValid) return;
      const current = new Scanner(adapter, url, {
        idle: (cb) => ctx.requestIdleCallback(cb, { timeout: 500 }),
        timeout: (cb, ms) => ctx.setTimeout(cb, ms),
        now: () => performance.now(),
        report: (findings: FindingWire[], done: boolean) => {
          for (let i = 0; i < Math.max(1, findings.length); i += REPORT_CHUNK) {
            const chunk = findings.slice(i, i + REPORT_CHUNK);
            const last = i + REPORT_CHUNK >= findings.length;
            void send('page:findings', { url: url.href, findings: chunk, done: done && last });
          }
        },
      });
      scanner = current;
      current.start(document);
      observer = new MutationObserver((records) => {
        try {
          current.onMutations(records);
        } catch {
          // Odd pages never see an error from Basira.
        }
      });
      observer.observe(document.body ?? document.documentElement, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    };

    ctx.onInvalidated(() => {
      scanner?.stop();
      observer?.disconnect();
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      void begin().catch(() => undefined);
    });
    await begin().catch(() => undefined);
  },
});
