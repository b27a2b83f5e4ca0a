/**
 * Content script: reads the page through its platform adapter, analyzes items on the device,
 * marks flagged posts and reports findings to the background. Never throws into the page;
 * every listener and timer is tied to `ctx`.
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import * as z from 'zod/mini';
import { adapterFor } from '@/utils/adapters/registry';
import { analyzeItem } from '@/utils/engine/analyze';
import { withCustomRules } from '@/utils/engine/custom';
import { shippedRules } from '@/utils/engine/rules/shipped';
import { FLAGGED } from '@/utils/engine/types';
import { cueLines, why } from '@/utils/explain';
import { type Messages, setMessages, t, uiDirection } from '@/utils/i18n';
import { createMark, isOwnMark, type MarkHandle, type MarkStrings } from '@/utils/marks';
import { sendMessage } from '@/utils/messaging';
import { type FindingWire, TAB_PROTOCOL } from '@/utils/protocol';
import { Scanner } from '@/utils/scanner';
import { counts } from '@/utils/scope';
import {
  DEFAULT_SETTINGS,
  disabledKinds,
  getSettings,
  isPaused,
  type Settings,
  settingsItem,
} from '@/utils/settings';

const REPORT_CHUNK = 400;

const strings: MarkStrings = {
  verdict: (v) => t(`verdict_${v}`),
  why: (f) => why(f, t),
  lines: (f) => cueLines(f, t),
  get details() {
    return t('mark_details');
  },
  get close() {
    return t('mark_close');
  },
  label: (f) => t('mark_label', t(`verdict_${f.verdict}`)),
};

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    /** The current context: a fresh one replaces it if a page fakes WXT's start-up event. */
    let live: ContentScriptContext = ctx;
    let scanner: Scanner | null = null;
    let observer: MutationObserver | null = null;
    /** What the content script watches, in the document and in each open shadow root. */
    const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };
    let settings: Settings = DEFAULT_SETTINGS;
    const marks = new Map<Element, MarkHandle>();
    const latest = new Map<Element, FindingWire>();
    let dir = uiDirection();
    /** Marks speak the language chosen in the options, or the browser's. */
    const applyLanguage = async (lang: Settings['language']) => {
      const messages = lang === 'auto' ? null : await send('i18n:messages', { lang });
      setMessages(lang === 'auto' ? '' : lang, (messages as Messages | undefined) ?? null);
      dir = uiDirection();
    };

    const send = <T extends Parameters<typeof sendMessage>[0]>(
      type: T,
      data: Parameters<typeof sendMessage<T>>[1],
    ) => sendMessage(type, data).catch(() => undefined); // background asleep or extension reloaded

    const clearMarks = () => {
      for (const m of marks.values()) m.remove();
      marks.clear();
    };

    /** Adds, updates or removes the mark for one item, following the settings. */
    const mark = (el: Element, finding: FindingWire) => {
      // Only flagged findings can ever be marked; keep nothing for the rest.
      if (FLAGGED.has(finding.verdict)) latest.set(el, finding);
      else latest.delete(el);
      const existing = marks.get(el);
      const wanted = settings.marks && counts(finding.verdict, finding.topic, settings);
      if (!wanted) {
        existing?.remove();
        marks.delete(el);
        return;
      }
      // A page that removed the host gets a fresh one.
      if (existing?.host.isConnected) existing.update(finding);
      else
        marks.set(
          el,
          createMark(el, finding, strings, dir, () => void send('popup:open', {})),
        );
    };

    const begin = async () => {
      scanner?.stop();
      observer?.disconnect();
      clearMarks();
      latest.clear();
      const url = new URL(location.href);
      // The protocol carries addresses up to 4,000 characters; both messages cut them alike.
      const pageUrl = url.href.slice(0, 4000);
      const adapter = adapterFor(url);
      settings = await getSettings().catch(() => DEFAULT_SETTINGS);
      await applyLanguage(settings.language).catch(() => undefined);
      const paused = isPaused(settings, url.hostname);
      await send('page:start', { url: pageUrl, platform: adapter.id, paused });
      if (paused || !live.isValid) return;
      const rules = withCustomRules(shippedRules(), settings.customRules);
      const off = disabledKinds(settings);
      // This scan's own observer: it watches the document and each open shadow root the scan finds.
      const watching = new MutationObserver((records) => {
        try {
          current.onMutations(records.filter((r) => !isOwnMutation(r)));
        } catch {
          // Odd pages never see an error from Basira.
        }
      });
      const current = new Scanner(adapter, url, {
        analyze: (input) => analyzeItem(input, rules, { disabledKinds: off }),
        idle: (cb) => live.requestIdleCallback(cb, { timeout: 500 }),
        timeout: (cb, ms) => live.setTimeout(cb, ms),
        now: () => performance.now(),
        observe: (root) => watching.observe(root, OBSERVE),
        onFinding: (el, finding) => mark(el, finding),
        report: (findings: FindingWire[], done: boolean) => {
          for (let i = 0; i < Math.max(1, findings.length); i += REPORT_CHUNK) {
            const chunk = findings.slice(i, i + REPORT_CHUNK);
            const last = i + REPORT_CHUNK >= findings.length;
            void send('page:findings', { url: pageUrl, findings: chunk, done: done && last });
          }
        },
      });
      scanner = current;
      observer = watching;
      watching.observe(document.body ?? document.documentElement, OBSERVE);
      current.start(document);
    };

    // The popup's "Show on page": scroll to the post and highlight it briefly.
    const onTabMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      if (sender.id !== browser.runtime.id || sender.tab) return undefined;
      const parsed = z.safeParse(
        z.object({ type: z.literal('item:show'), data: TAB_PROTOCOL['item:show'].request }),
        message,
      );
      if (!parsed.success) return undefined;
      const el = scanner?.elements.get(parsed.data.data.id);
      if (!el?.isConnected) return Promise.resolve(false);
      el.scrollIntoView({ behavior: 'smooth', block: 'center' });
      const html = el as HTMLElement;
      const previous = html.style.outline;
      html.style.outline = '3px solid #E3A008';
      live.setTimeout(() => {
        html.style.outline = previous;
      }, 2500);
      return Promise.resolve(true);
    };
    browser.runtime.onMessage.addListener(onTabMessage as never);

    const unwatch = settingsItem.watch(() => {
      void getSettings().then((next) => {
        // Pausing, families and custom rules change what is found: scan again. Scope and marks
        // only change what is shown.
        const rescan =
          isPaused(next, location.hostname) !== isPaused(settings, location.hostname) ||
          JSON.stringify([next.families, next.customRules, next.language]) !==
            JSON.stringify([settings.families, settings.customRules, settings.language]);
        settings = next;
        if (rescan) void begin().catch(() => undefined);
        else for (const [el, finding] of latest) mark(el, finding);
      });
    });

    const bind = (context: ContentScriptContext) => {
      live = context;
      context.onInvalidated(() => {
        scanner?.stop();
        observer?.disconnect();
        // WXT invalidates a context when it hears another copy start, an event any page can fake.
        // While the extension itself is alive, carry on with a fresh context.
        if (browser.runtime?.id) {
          bind(new ContentScriptContext('content'));
          void begin().catch(() => undefined);
          return;
        }
        clearMarks();
        unwatch();
        browser.runtime?.onMessage.removeListener(onTabMessage as never);
      });
      // SPA navigation. The address itself decides (a page can dispatch any event it likes), but
      // the check runs when the Navigation API says the entry changed (pushState, replaceState,
      // back and forward), so the tab is not woken to poll. Where the API is missing (Firefox ESR
      // 140), a timer checks instead.
      let last = location.href;
      const check = () => {
        if (location.href === last) return;
        last = location.href;
        void begin().catch(() => undefined);
      };
      const navigation = (globalThis as { navigation?: EventTarget }).navigation;
      if (navigation?.addEventListener) {
        for (const type of ['currententrychange', 'navigatesuccess'])
          navigation.addEventListener(type, check, { signal: context.signal });
      } else context.setInterval(check, 400);
    };
    bind(ctx);
    await begin().catch(() => undefined);
  },
});

/** Mutations Basira caused itself (adding or removing its own marks, known by reference). */
function isOwnMutation(r: MutationRecord): boolean {
  if (r.type !== 'childList') return false;
  const nodes = [...r.addedNodes, ...r.removedNodes];
  return nodes.length > 0 && nodes.every(isOwnMark);
}
