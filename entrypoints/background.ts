/**
 * Background: runs the engine on the items content scripts read, keeps findings per tab and sets
 * the badge. The rules are instantiated once per background lifetime (and again only when the
 * person's own rules or cue families change), never in a page.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { analyzeItem } from '@/utils/engine/analyze';
import { withCustomRules } from '@/utils/engine/custom';
import type { CompiledRules } from '@/utils/engine/rules/compile';
import { shippedRules } from '@/utils/engine/rules/shipped';
import { fnv1a } from '@/utils/engine/tokens';
import { type CueKind, FLAGGED } from '@/utils/engine/types';
import { warmUp } from '@/utils/engine/warm-up';
import { withCorrection } from '@/utils/feedback';
import { forPage, kept, toWire } from '@/utils/findings';
import { applyLanguage, fetchMessages, plural, t } from '@/utils/i18n';
import { Memory } from '@/utils/memory/keeper';
import { MEMORY_NOTICE_KEY } from '@/utils/memory/notice';
import { type Handlers, onMessages } from '@/utils/messaging';
import type { PageView, TabState } from '@/utils/protocol';
import { badgeLook, badgeSummary, badgeTitle, visibleFindings } from '@/utils/scope';
import {
  coerceSettings,
  disabledKinds,
  getSettings,
  isPaused,
  type Settings,
  settingsItem,
  updateSettings,
} from '@/utils/settings';
import {
  appendPart,
  clearTab,
  mergeFindings,
  readTab,
  type StoredTab,
  startTab,
  writeNewTab,
} from '@/utils/tab-state';

const COLORS = { red: '#B3261E', amber: '#F4B400', grey: '#5F6368' } as const;
const TEXT_COLORS = { red: '#FFFFFF', amber: '#1F1F1F', grey: '#FFFFFF' } as const;

/** The finding a mark's "Details" asked the next popup of a tab to show. */
const focusNext = new Map<number, string>();

/** What each tab's badge shows now, so a batch that changes nothing on it costs no API call. */
const painted = new Map<number, string>();

async function paintBadge(tabId: number, tab: StoredTab | null, settings: Settings): Promise<number> {
  const visible = tab ? visibleFindings(tab.findings, settings) : [];
  const summary = badgeSummary(tab?.status ?? null, visible);
  const { text, color } = badgeLook(summary, visible);
  const title = badgeTitle(summary, t, plural);
  const look = JSON.stringify([settings.badge, text, color, title]);
  if (painted.get(tabId) === look) return visible.length;
  painted.set(tabId, look);
  try {
    await browser.action.setBadgeText({ tabId, text: settings.badge ? text : '' });
    if (color) {
      await browser.action.setBadgeBackgroundColor({ tabId, color: COLORS[color] });
      await browser.action.setBadgeTextColor?.({ tabId, color: TEXT_COLORS[color] });
    }
    await browser.action.setTitle({ tabId, title });
  } catch {
    painted.delete(tabId); // the tab closed meanwhile
  }
  return visible.length;
}

/**
 * Tab state lives in memory while the worker runs; every change is in session storage before the
 * content script hears of it (utils/tab-state.ts), so a worker stopped at any moment wakes up
 * with every batch it answered, and a batch it did not answer is sent again.
 */
const memory = new Map<number, StoredTab | null>();
/** A page start heard this recently belongs to the navigation a late 'loading' event reports. */
const FRESH_START_MS = 3000;

async function loadTab(tabId: number): Promise<StoredTab | null> {
  if (!memory.has(tabId)) memory.set(tabId, await readTab(tabId));
  return memory.get(tabId) ?? null;
}

async function forgetTab(tabId: number): Promise<void> {
  focusNext.delete(tabId);
  const parts = (await loadTab(tabId))?.parts ?? 0;
  memory.set(tabId, null);
  await stored(tabId, () => clearTab(tabId, parts));
}

/** What the engine finds depends on these settings only; the key changes when they do. */
const rulesKeyOf = (s: Settings) => fnv1a(JSON.stringify([s.families, s.customRules])).toString(36);

/** The rules in use, built once per background lifetime and per change of the person's rules. */
let engine: { key: string; rules: CompiledRules; off: Set<CueKind> } | null = null;
function engineFor(settings: Settings, warm = false) {
  const key = rulesKeyOf(settings);
  if (engine?.key !== key) {
    engine = {
      key,
      rules: withCustomRules(shippedRules(), settings.customRules),
      off: disabledKinds(settings),
    };
    // Once per set of rules, while the page reads its first items: compile the common rules'
    // regexes and warm the engine's code, so the first batch does not pay for it.
    if (warm) warmUp(engine.rules);
  }
  return engine;
}

/**
 * The settings, read once and kept until they change. A page start and a settings-changed
 * question read them afresh, so a content script never acts on settings older than its question.
 */
let settingsNow: Promise<Settings> | null = null;
const currentSettings = () => (settingsNow ??= getSettings());
const freshSettings = () => (settingsNow = getSettings());

async function pageView(settings: Settings, url: string): Promise<PageView> {
  let hostname = '';
  try {
    hostname = new URL(url).hostname;
  } catch {
    // An address the URL parser refuses is scanned (nothing can be paused for it).
  }
  const language = settings.language;
  return {
    scan: !isPaused(settings, hostname),
    marks: settings.marks,
    scope: settings.scope,
    countPromotion: settings.countPromotion,
    feedback: {
      hidden: settings.feedback.hidden.map(({ key }) => ({ key })),
      muted: settings.feedback.muted,
    },
    rulesKey: rulesKeyOf(settings),
    language,
    messages: language === 'auto' ? null : await fetchMessages(language).catch(() => null),
  };
}

/** Runs tasks one after another per tab, in the order they were queued. */
function serialQueue() {
  const chains = new Map<number, Promise<unknown>>();
  return <T>(tabId: number, task: () => Promise<T>): Promise<T> => {
    const next = (chains.get(tabId) ?? Promise.resolve()).then(task, task);
    chains.set(
      tabId,
      next.catch(() => undefined),
    );
    return next;
  };
}
/**
 * Three queues per tab. State changes (page start, a batch merged) never lose each other's
 * findings; storage writes land in order; badge paints too. A batch's write runs while the next
 * batch is analyzed.
 */
const perTab = serialQueue();
const stored = serialQueue();
const painting = serialQueue();
/**
 * Memory (utils/memory): earlier posts' disclosed partnerships, given to the engine with each new
 * post by the same author, and every flagged finding, kept in IndexedDB for the insights page.
 * An unreadable database is rebuilt empty; the notice is kept for the options and insights pages.
 */
const memory$ = new Memory({
  onReset: (reason) =>
    void browser.storage.local
      .set({ [MEMORY_NOTICE_KEY]: { date: Date.now(), reason } })
      .catch(() => undefined),
});

/** Corrections ("This is wrong") change one settings value: written one after another, all tabs in one queue. */
const correcting = serialQueue();
const ALL_TABS = -1;

export default defineBackground(() => {
  const handlers: Handlers = {
    'page:start': (data, sender) => {
      const tabId = sender.tab!.id!;
      return perTab(tabId, async () => {
        const settings = await freshSettings();
        const view = await pageView(settings, data.url);
        const oldParts = (await loadTab(tabId))?.parts ?? 0;
        const tab = startTab(data.url, data.platform, !view.scan);
        memory.set(tabId, tab);
        await stored(tabId, () => writeNewTab(tabId, tab, oldParts));
        // A new page: the browser may have reset the tab's badge on navigation.
        painted.delete(tabId);
        await painting(tabId, () => paintBadge(tabId, tab, settings));
        // The page reads its first items now: build the rules meanwhile, not when they arrive.
        if (view.scan) setTimeout(() => engineFor(settings, true), 0);
        return view;
      });
    },
    'page:view': async (data) => pageView(await freshSettings(), data.url),
    'items:analyze': async (data, sender) => {
      const tabId = sender.tab!.id!;
      const step = await perTab(tabId, async () => {
        const current =
          (await loadTab(tabId)) ?? startTab(data.url, data.items[0]?.platform ?? 'generic', false);
        // A late batch from a page the tab has left, or from a scan the person has since paused, is dropped.
        if (current.url !== data.url || current.status === 'paused') return null;
        const settings = await currentSettings();
        const { rules, off } = engineFor(settings);
        // A private window's pages are neither remembered nor judged by what was remembered.
        const remembering = !sender.tab?.incognito && (await memory$.ready(settings.memory.retentionDays));
        // In page order, each post remembered before the next is judged: a labelled post is
        // evidence for the same author's later post in the same batch.
        // A post the person hid with "This is wrong" is no evidence either.
        const hidden = new Set(settings.feedback.hidden.map((h) => h.key));
        const findings = data.items.map((item) => {
          const partners = remembering
            ? memory$.partnersFor(item, settings.memory.retentionDays, hidden)
            : [];
          const input = partners.length > 0 ? { ...item, partners } : item;
          const finding = kept(toWire(analyzeItem(input, rules, { disabledKinds: off }), item, item.order));
          if (remembering && settings.memory.on) memory$.remember(finding, item, settings.memory.keepPages);
          return finding;
        });
        void memory$.flush();
        const tab = mergeFindings(current, findings, data.done);
        memory.set(tabId, tab);
        return { findings, settings, written: stored(tabId, () => appendPart(tabId, tab, findings)) };
      });
      if (!step) return { taken: false, flagged: [] };
      // In storage before the content script hears the batch was taken: a worker stopped from
      // here on loses nothing, and one stopped before makes the content script send it again.
      await step.written;
      // Painted with the settings of now, not of the batch's start: a correction or a scope change
      // made meanwhile (and painted by repaintAll) is not painted over.
      await painting(tabId, async () =>
        paintBadge(tabId, memory.get(tabId) ?? null, await currentSettings()),
      );
      return { taken: true, flagged: step.findings.filter((f) => FLAGGED.has(f.verdict)).map(forPage) };
    },
    'finding:correct': async ({ id, correction }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return false;
      const finding = (await loadTab(tabId))?.findings.find((f) => f.id === id);
      if (!finding) return false;
      // One correction at a time: two quick ones never overwrite each other. The settings' change
      // repaints every badge and tells every page (see the watcher below).
      await correcting(ALL_TABS, async () => {
        const current = await getSettings();
        await updateSettings({ feedback: withCorrection(current.feedback, finding, correction) });
      });
      return true;
    },
    'memory:forget': async () => {
      await memory$.forget();
      return true;
    },
    'popup:open': async ({ id }, sender) => {
      const tabId = sender.tab?.id;
      if (id !== undefined && tabId !== undefined) focusNext.set(tabId, id);
      try {
        await browser.action.openPopup();
        return true;
      } catch {
        if (tabId !== undefined) focusNext.delete(tabId);
        return false; // not available here: the mark's own panel already shows the details
      }
    },
    'tab:get': async ({ tabId }) => {
      const [tab, settings] = await Promise.all([loadTab(tabId), freshSettings()]);
      const findings = tab ? visibleFindings(tab.findings, settings) : [];
      const state: TabState = {
        url: tab?.url ?? null,
        platform: (tab?.platform as TabState['platform']) ?? null,
        status: tab ? tab.status : 'unsupported',
        findings,
        count: findings.length,
      };
      // Asked once: the popup a mark opened scrolls to its finding, later reads do not.
      const focus = focusNext.get(tabId);
      focusNext.delete(tabId);
      if (focus !== undefined && findings.some((f) => f.id === focus)) state.focus = focus;
      return state;
    },
  };

  async function repaintAll() {
    const settings = await freshSettings();
    // The tooltip speaks the language chosen in the options.
    await applyLanguage(settings.language);
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabs.map(async (t) => {
        if (t.id === undefined) return;
        const tab = await loadTab(t.id);
        await painting(t.id, () => paintBadge(t.id!, tab, settings));
      }),
    );
  }

  onMessages(handlers);
  settingsItem.watch((raw, old) => {
    void repaintAll();
    // A shorter retention applies at once; addresses no longer kept leave memory at once.
    const [next, before] = [coerceSettings(raw), coerceSettings(old)];
    if (next.memory.retentionDays !== before.memory.retentionDays)
      void memory$.prune(next.memory.retentionDays);
    if (!next.memory.keepPages && before.memory.keepPages) void memory$.stripPages();
  });
  void currentSettings().then((s) => applyLanguage(s.language));
  browser.tabs.onRemoved.addListener((tabId) => {
    void perTab(tabId, async () => {
      await forgetTab(tabId);
      memory.delete(tabId);
      painted.delete(tabId);
    });
  });
  // A full navigation starts a new page: drop the old findings until its content script reports.
  // Chrome may deliver the 'loading' event after the new page's content script has already
  // started; a start heard within the last moments belongs to this navigation and is kept.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    const heardAt = Date.now();
    void perTab(tabId, async () => {
      const tab = await loadTab(tabId);
      if (tab?.startedAt !== undefined && heardAt - tab.startedAt < FRESH_START_MS) return;
      await forgetTab(tabId);
      painted.delete(tabId);
      const settings = await currentSettings();
      await painting(tabId, () => paintBadge(tabId, null, settings));
    });
  });
});
