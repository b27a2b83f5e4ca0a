/**
 * Insights render time: the real Insights component in a happy-dom document with 10,000 ledger
 * entries (90 days, eight platforms, 40 products, 500 creators). Timed from outside, from the
 * entries' arrival to the last section (creators) in the document, as a median of several runs
 * after a warm-up; `cold_ms` is the first. Prints one JSON line; target: under 300 ms.
 */
import { installWindow, report } from './happy-dom';

const window = installWindow('chrome-extension://basira/insights.html');

const { h, render } = await import('preact');
const { Insights } = await import('../../components/Insights');
const { setMessages } = await import('../../utils/i18n');
const { MESSAGES } = await import('../components/fixtures');
const { PLATFORMS } = await import('../../utils/engine/types');
type LedgerEntry = import('../../utils/memory/graph').LedgerEntry;
type MemoryActions = import('../../utils/ui/memory-actions').MemoryActions;

const ENTRIES = 10_000;
const TARGET_MS = 300;
const NOW = Date.UTC(2026, 11, 4, 12);
const DAY = 86_400_000;
const VERDICTS = ['undisclosed', 'sponsored', 'promotion'] as const;

setMessages('en', MESSAGES.en);
const entries: LedgerEntry[] = Array.from({ length: ENTRIES }, (_, i) => {
  const product = `Product ${i % 40}`;
  return {
    key: `x|x.com|p${i}`,
    date: NOW - ((i * 7_919_000) % (89 * DAY)),
    platform: PLATFORMS[i % PLATFORMS.length]!,
    host: 'x.com',
    postId: `p${i}`,
    author: `@creator_${i % 500}`,
    verdict: VERDICTS[i % 3]!,
    topic: 'ai',
    ties: [{ brand: product, kind: i % 3 === 1 ? 'label' : 'affiliate-link' }],
    products: [product],
    cueKinds: ['affiliate-link', 'ai-product'],
    rules: ['link.example'],
  };
});

async function once(): Promise<number> {
  let deliver: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => {
    deliver = resolve;
  });
  const actions: MemoryActions = {
    read: async () => {
      await arrived;
      return { entries, dropped: 0 };
    },
    forget: async () => undefined,
    paused: async () => false,
    notice: async () => null,
    dismissNotice: async () => undefined,
    openInsights: () => undefined,
  };
  const root = window.document.createElement('div');
  window.document.body.append(root);
  render(h(Insights, { actions, now: NOW }), root as never);
  await new Promise((r) => setTimeout(r, 0));
  let done = Number.NaN;
  const observer = new window.MutationObserver(() => {
    if (Number.isNaN(done) && root.querySelector('.creators li')) done = performance.now();
  });
  observer.observe(root as never, { childList: true, subtree: true });
  const start = performance.now();
  deliver();
  for (let i = 0; i < 1_000 && Number.isNaN(done); i++) await new Promise((r) => setTimeout(r, 0));
  observer.disconnect();
  const total = root.querySelector('.totals .big')?.getAttribute('data-value');
  if (Number(total) < ENTRIES / 4) throw new Error(`insights counted ${total} posts`);
  render(null, root as never);
  root.remove();
  return done - start;
}

await report(window, 'insights-render', { entries: ENTRIES }, once, 9, TARGET_MS);
