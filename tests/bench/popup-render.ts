/**
 * Popup render time: the real Popup component in a happy-dom document, in the popup's real
 * sequence: the shell is on screen ("Checking this page…"), then the tab's state arrives with 200
 * findings (cues, marks, concerns). `ms` is timed from outside the component, from the state's
 * arrival to all 200 findings in the document, as a median of several runs after a warm-up; `cold_ms` is the first run. Each run checks that all 200
 * findings and their marks are in the document. Prints one JSON line; target: under 100 ms.
 */
import { installWindow, report } from './happy-dom';

const window = installWindow('chrome-extension://basira/popup.html');

const { h, render } = await import('preact');
const { Popup } = await import('../../components/Popup');
const { setMessages } = await import('../../utils/i18n');
const { finding, MESSAGES, SPONSORED, tabState } = await import('../components/fixtures');
type PopupActions = import('../../utils/ui/popup-actions').PopupActions;
type TabState = import('../../utils/protocol').TabState;

const FINDINGS = 200;
const TARGET_MS = 100;

setMessages('en', MESSAGES.en);
const findings = Array.from({ length: FINDINGS }, (_, i) => {
  const base = i % 3 === 0 ? SPONSORED : finding();
  return { ...base, id: `item-${i}`, order: i, author: `@creator_${i}`, snippet: `${base.snippet} #${i}` };
});
const state = tabState(findings);

async function once(): Promise<number> {
  let deliver: (s: TabState) => void = () => undefined;
  const arrived = new Promise<TabState>((resolve) => {
    deliver = resolve;
  });
  let asked: () => void = () => undefined;
  const loading = new Promise<void>((resolve) => {
    asked = resolve;
  });
  const actions: PopupActions = {
    load: () => {
      asked();
      return arrived;
    },
    show: async () => true,
    correct: async () => undefined,
    openOptions: () => undefined,
    openInsights: () => undefined,
    settings: async () => ({ pausedSites: [], scope: 'ai' }),
    setPaused: async () => undefined,
    watchSettings: () => () => undefined,
  };
  const root = window.document.createElement('div');
  window.document.body.append(root);
  render(h(Popup, { actions, pollMs: 3_600_000 }), root as never);
  await loading; // the shell is on screen and has asked for the state
  await new Promise((r) => setTimeout(r, 0));
  const list = () => root.querySelectorAll('.findings > li').length;
  if (list() !== 0) throw new Error('the list rendered before its state arrived');
  // Timed from outside, as in the Chromium test: a MutationObserver notes when the whole list is in.
  let done = Number.NaN;
  const observer = new window.MutationObserver(() => {
    if (Number.isNaN(done) && root.querySelector('.findings')?.children.length === FINDINGS)
      done = performance.now();
  });
  observer.observe(root as never, { childList: true, subtree: true });
  const start = performance.now();
  deliver(state);
  for (let i = 0; i < 1_000 && Number.isNaN(done); i++) await new Promise((r) => setTimeout(r, 0));
  observer.disconnect();
  const ms = done - start;
  if (list() !== FINDINGS) throw new Error(`rendered ${list()} findings, expected ${FINDINGS}`);
  if (root.querySelectorAll('.snippet mark').length < FINDINGS) throw new Error('cues were not highlighted');
  render(null, root as never);
  root.remove();
  return ms;
}

await report(window, 'popup-render', { findings: FINDINGS }, once, 15, TARGET_MS);
