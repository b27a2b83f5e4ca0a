/**
 * The content script: reads the page through its platform adapter, hands the items to the
 * engine in the background, and marks the flagged posts it answers with. It holds no rules.
 * Never throws into the page; every listener and timer is tied to `ctx`. The entrypoints
 * (entrypoints/content.ts for every page, entrypoints/platforms.content.ts for the platforms)
 * differ only in the adapters they carry.
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Adapter } from '../adapters/adapter';
import { generic } from '../adapters/generic';
import { MAX_ID } from '../dom/limits';
import { cueLines, why } from '../explain';
import { correctionChoices, dismissed } from '../feedback-match';
import { type Messages, setMessages, t, uiDirection } from '../i18n';
import { createMark, isOwnMark, type MarkHandle, type MarkStrings } from '../marks';
import type { FindingWire, MessageType, PageView, Request, Response } from '../protocol';
import { Scanner } from '../scanner';
import { counts } from '../scope';
import { sendMessage } from '../send';

/**
 * Waits between attempts to reach the background (ms): ~26 s in all. While the extension lives
 * (`runtime.id` is set) a failure is a worker stopping or starting, so it is worth waiting for;
 * an orphaned script (the extension reloaded or removed) stops at once.
 */
const RETRY_DELAYS_MS = [50, 150, 400, 800, 1600, 3000, 5000, 5000, 5000, 5000];
/** How long an answer may take before the question is asked again (a batch takes ~0.1 s). */
const ANSWER_TIMEOUT_MS = 8_000;
/** The storage key of the settings (utils/settings.ts `settingsItem`). */
const SETTINGS_KEY = 'settings';

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
  get wrong() {
    return t('wrong_button');
  },
  choices: (f) => correctionChoices(f, t),
};

/**
 * Runs Basira in a page: `adapters` are the platform adapters this copy carries (the first that
 * matches the address reads the page; the generic adapter reads the rest).
 */
/** A failure the polyfill in the background sends as a resolved answer (see `send`). */
const isPolyfillRejection = (answer: unknown) =>
  typeof answer === 'object' && answer !== null && '__mozWebExtensionPolyfillReject__' in answer;

export async function runContentScript(
  ctx: ContentScriptContext,
  adapters: readonly Adapter[],
): Promise<void> {
  const adapterFor = (url: URL) => adapters.find((a) => a.matches(url)) ?? generic;
  /** The current context: a fresh one replaces it if a page fakes WXT's start-up event. */
  let live: ContentScriptContext = ctx;
  let scanner: Scanner | null = null;
  let observer: MutationObserver | null = null;
  /** What the content script watches, in the document and in each open shadow root. */
  const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };
  /** How this page is scanned and shown; the background works it out from the settings. */
  let view: PageView | null = null;
  const marks = new Map<Element, MarkHandle>();
  const latest = new Map<Element, FindingWire>();
  /**
   * The marks' direction, worked out when the first mark is drawn: asking the browser for a UI
   * string costs ~10 ms the first time in a page (it loads the locale), which a page with
   * nothing to flag should never pay.
   */
  let dir: 'rtl' | 'ltr' | null = null;
  /** Marks speak the language chosen in the options, or the browser's. */
  const applyLanguage = (v: PageView) => {
    setMessages(v.language === 'auto' ? '' : v.language, (v.messages as Messages | null) ?? null);
    dir = null;
  };

  /**
   * Timers that do nothing once this script's context is no longer valid. Not WXT's
   * `ctx.setTimeout` / `ctx.requestIdleCallback`: each call of those adds an "invalidated" listener
   * that is never removed and keeps the callback alive, with everything it closes over (a batch of
   * post texts, in `send`), for the page's whole life. Measured on a 2,000-post feed: ~0.7 MB.
   */
  const later = (cb: () => void, ms: number) =>
    setTimeout(() => {
      if (live.isValid) cb();
    }, ms);
  const whenIdle = (cb: (deadline: IdleDeadline) => void, options?: IdleRequestOptions) =>
    requestIdleCallback((deadline) => {
      if (live.isValid) cb(deadline);
    }, options);
  const sleep = (ms: number) => new Promise<void>((r) => later(r, ms));
  /**
   * Sends a message and returns the answer. A service worker that is asleep, starting, or was
   * stopped mid-answer is tried again a few times; null means the background is out of reach
   * (the extension was removed, reloaded or updated: this copy of the script is orphaned).
   * The answer is the background's own (it parses what it receives with zod; this script takes
   * only what the extension itself sends): no answer at all is the one thing checked here.
   */
  const send = async <T extends MessageType>(type: T, data: Request<T>): Promise<Response<T> | null> => {
    for (let attempt = 0; ; attempt++) {
      if (!browser.runtime?.id) return null;
      try {
        // A worker stopped while it answers may leave the question unanswered for good.
        const answer = await new Promise<Response<T>>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('no answer')), ANSWER_TIMEOUT_MS);
          sendMessage(type, data)
            .then(resolve, reject)
            .finally(() => clearTimeout(timer));
        });
        // The background answers through webextension-polyfill, which reports a failed handler as a
        // resolved `{ __mozWebExtensionPolyfillReject__ }` object; without the polyfill here that
        // object arrives as an answer, and is a failure like any other.
        if (answer !== undefined && answer !== null && !isPolyfillRejection(answer)) return answer;
      } catch {
        // No receiver yet, the port closed before an answer, or no answer came: try again.
      }
      if (attempt >= RETRY_DELAYS_MS.length || !live.isValid) return null;
      await sleep(RETRY_DELAYS_MS[attempt]!);
    }
  };

  /**
   * Flagged posts whose mark waits until the post comes within a screen of the viewport: a feed
   * of 2,000 posts gets the dozen marks a person can see, not 800 at once. One observer serves
   * them all.
   */
  const waiting = new Map<Element, FindingWire>();
  let nearby: IntersectionObserver | null = null;
  const drawMark = (el: Element, finding: FindingWire, before?: { width: number; height: number }) => {
    dir ??= uiDirection();
    marks.set(
      el,
      createMark(
        el,
        finding,
        strings,
        dir,
        (f) => void send('popup:open', { id: f.id }),
        (f, correction) => void send('finding:correct', { id: f.id, correction }),
        before,
      ),
    );
  };
  /**
   * Posts come near in dozens at once; their marks are drawn a few per task, in tasks of their own
   * (not in the page's rendering step), so no task is long.
   */
  const MARKS_PER_TASK = 4;
  const due: Element[] = [];
  let drawing = false;
  const drawDue = () => {
    drawing = false;
    const batch = due.splice(0, MARKS_PER_TASK);
    // Every post's size before any mark joins it (one layout for the batch): a post whose size
    // changes when its mark joins gets the mark moved (utils/marks.ts).
    const sizes = batch.map((el) => {
      const r = el.getBoundingClientRect();
      return { width: r.width, height: r.height };
    });
    batch.forEach((el, i) => {
      const finding = waiting.get(el);
      waiting.delete(el);
      try {
        if (finding && live.isValid) drawMark(el, finding, sizes[i]);
      } catch {
        // The page's markup refused the mark.
      }
    });
    if (due.length > 0 && live.isValid) {
      drawing = true;
      later(drawDue, 0);
    }
  };
  const onNear = (entries: IntersectionObserverEntry[]) => {
    for (const entry of entries) {
      if (!entry.isIntersecting || !waiting.has(entry.target)) continue;
      nearby?.unobserve(entry.target);
      due.push(entry.target);
    }
    if (due.length > 0 && !drawing) {
      drawing = true;
      later(drawDue, 0);
    }
  };
  const watchNear = (el: Element) => {
    if (!nearby) {
      nearby = new IntersectionObserver(onNear, { rootMargin: '100% 0px 100% 0px' });
      // The UI strings' first read loads the locale (~10 ms): done while the page is idle, not
      // in the frame that draws the first marks.
      whenIdle(
        () => {
          dir ??= uiDirection();
          strings.verdict('undisclosed');
        },
        { timeout: 200 },
      );
    }
    nearby.observe(el);
  };

  const clearMarks = () => {
    for (const m of marks.values()) m.remove();
    marks.clear();
    nearby?.disconnect();
    nearby = null;
    waiting.clear();
    due.length = 0;
    // A draw task the old context cancelled must not leave drawing stuck on.
    drawing = false;
  };

  /** Adds, updates or removes the mark for one item, following the view. */
  const mark = (el: Element, finding: FindingWire | null) => {
    // Only flagged findings reach here; keep nothing for the rest.
    if (finding) latest.set(el, finding);
    else latest.delete(el);
    const existing = marks.get(el);
    const wanted =
      finding &&
      view?.marks &&
      counts(finding.verdict, finding.topic, view) &&
      !dismissed(finding, view.feedback);
    if (!wanted) {
      existing?.remove();
      marks.delete(el);
      if (waiting.delete(el)) nearby?.unobserve(el);
      return;
    }
    // A page that removed the host gets a fresh one, drawn when the post is near.
    if (existing?.host.isConnected) existing.update(finding);
    else if (waiting.has(el)) waiting.set(el, finding);
    else {
      existing?.remove(); // its panel's listeners and its post's observer go with it
      marks.delete(el);
      waiting.set(el, finding);
      watchNear(el);
    }
  };

  /** The page's address as both messages carry it (the protocol cuts at 4,000 characters). */
  const pageUrl = () => location.href.slice(0, 4000);

  const begin = async () => {
    scanner?.stop();
    observer?.disconnect();
    clearMarks();
    latest.clear();
    const url = new URL(location.href);
    const at = pageUrl();
    const adapter = adapterFor(url);
    const started = await send('page:start', { url: at, platform: adapter.id });
    if (!started || !live.isValid) return;
    view = started;
    applyLanguage(started);
    if (!started.scan) return;
    // This scan's own observer: it watches the document and each open shadow root the scan finds.
    const watching = new MutationObserver((records) => {
      try {
        current.onMutations(records.filter((r) => !isOwnMutation(r)));
      } catch {
        // Odd pages never see an error from Basira.
      }
    });
    const current = new Scanner(adapter, url, {
      idle: (cb) => whenIdle(cb, { timeout: 500 }),
      timeout: (cb, ms) => later(cb, ms),
      now: () => performance.now(),
      observe: (root) => watching.observe(root, OBSERVE),
      onFinding: (el, finding) => mark(el, finding),
      submit: async (items, done) => {
        const answer = await send('items:analyze', { url: at, items, done });
        // A batch the background did not take (the page changed meanwhile) marks nothing.
        return answer ? (answer.taken ? answer.flagged : []) : null;
      },
    });
    scanner = current;
    observer = watching;
    watching.observe(document.body ?? document.documentElement, OBSERVE);
    current.start(document);
  };

  // The popup's "Show on page": scroll to the post and highlight it briefly. Answered through
  // `sendResponse` (a returned promise is the polyfill's way, and content scripts run without it:
  // modules/native-content-browser.ts).
  const onTabMessage = (
    message: unknown,
    sender: { id?: string; tab?: unknown },
    sendResponse: (answer: boolean) => void,
  ): undefined => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    // Only the extension's own pages reach this listener (checked above); still, only a
    // well-formed request is acted on.
    const request = message as { type?: unknown; data?: { id?: unknown } } | null;
    const id = request?.type === 'item:show' ? request.data?.id : undefined;
    if (typeof id !== 'string' || id.length > MAX_ID) return undefined;
    const el = scanner?.elements.get(id);
    if (!el?.isConnected) {
      sendResponse(false);
      return undefined;
    }
    el.scrollIntoView({ behavior: 'smooth', block: 'center' });
    const html = el as HTMLElement;
    const previous = html.style.outline;
    html.style.outline = '3px solid #E3A008';
    later(() => {
      html.style.outline = previous;
    }, 2500);
    sendResponse(true);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onTabMessage as never);

  // The settings changed: scan again if what is found changed (rules, cue families, pausing);
  // else only what is shown changed (marks, scope, language), and the marks follow. The
  // background reads the settings; this script only hears that they changed.
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    void send('page:view', { url: pageUrl() }).then((next) => {
      if (!next || !live.isValid) return;
      const rescan = !view || next.scan !== view.scan || next.rulesKey !== view.rulesKey;
      const relabel = view !== null && next.language !== view.language;
      view = next;
      if (rescan) {
        void begin().catch(() => undefined);
        return;
      }
      if (relabel) {
        // Marks in the new language: drawn again (lazily) with its strings and direction.
        applyLanguage(next);
        clearMarks();
      }
      for (const [el, finding] of latest) mark(el, finding);
    });
  };
  browser.storage.onChanged.addListener(onStorage);
  const unwatch = () => browser.storage.onChanged.removeListener(onStorage);

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
}

/** Mutations Basira caused itself (adding or removing its own marks, known by reference). */
function isOwnMutation(r: MutationRecord): boolean {
  if (r.type !== 'childList') return false;
  const nodes = [...r.addedNodes, ...r.removedNodes];
  return nodes.length > 0 && nodes.every(isOwnMark);
}
