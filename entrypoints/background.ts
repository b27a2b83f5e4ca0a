/**
 * Background: keeps findings per tab and sets the badge. Thin by design: handlers and badge only.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { applyLanguage, fetchMessages, plural, t } from '@/utils/i18n';
import { type Handlers, onMessages } from '@/utils/messaging';
import type { TabState } from '@/utils/protocol';
import { badgeLook, badgeSummary, badgeTitle, visibleFindings } from '@/utils/scope';
import { getSettings, type Settings, settingsItem } from '@/utils/settings';
import { clearTab, mergeFindings, readTab, type StoredTab, startTab, writeTab } from '@/utils/tab-state';

const COLORS = { red: '#B3261E', amber: '#F4B400', grey: '#5F6368' } as const;
const TEXT_COLORS = { red: '#FFFFFF', amber: '#1F1F1F', grey: '#FFFFFF' } as const;

async function paintBadge(tabId: number, tab: StoredTab | null, settings: Settings): Promise<number> {
  const visible = tab ? visibleFindings(tab.findings, settings) : [];
  const summary = badgeSummary(tab?.status ?? null, visible);
  const { text, color } = badgeLook(summary, visible);
  try {
    await browser.action.setBadgeText({ tabId, text: settings.badge ? text : '' });
    if (color) {
      await browser.action.setBadgeBackgroundColor({ tabId, color: COLORS[color] });
      await browser.action.setBadgeTextColor?.({ tabId, color: TEXT_COLORS[color] });
    }
    await browser.action.setTitle({ tabId, title: badgeTitle(summary, t, plural) });
  } catch {
    // The tab closed meanwhile.
  }
  return visible.length;
}

/**
 * Tab state lives in memory while the worker runs and is written to session storage shortly
 * after it changes, so a feed reporting hundreds of findings is not re-serialized per batch and a
 * worker that sleeps and wakes reads it back.
 */
const memory = new Map<number, StoredTab | null>();
const pendingWrites = new Map<number, ReturnType<typeof setTimeout>>();
const PERSIST_DELAY_MS = 300;
/** A page start heard this recently belongs to the navigation a late 'loading' event reports. */
const FRESH_START_MS = 3000;

async function loadTab(tabId: number): Promise<StoredTab | null> {
  if (!memory.has(tabId)) memory.set(tabId, await readTab(tabId));
  return memory.get(tabId) ?? null;
}

function saveTab(tabId: number, tab: StoredTab | null): void {
  memory.set(tabId, tab);
  clearTimeout(pendingWrites.get(tabId));
  pendingWrites.set(
    tabId,
    setTimeout(() => {
      pendingWrites.delete(tabId);
      const latest = memory.get(tabId);
      void (latest ? writeTab(tabId, latest) : clearTab(tabId)).catch(() => undefined);
    }, PERSIST_DELAY_MS),
  );
}

/** Serializes updates per tab so concurrent batches never lose each other's findings. */
const chains = new Map<number, Promise<unknown>>();
function perTab<T>(tabId: number, task: () => Promise<T>): Promise<T> {
  const next = (chains.get(tabId) ?? Promise.resolve()).then(task, task);
  chains.set(
    tabId,
    next.catch(() => undefined),
  );
  return next;
}

export default defineBackground(() => {
  const handlers: Handlers = {
    'page:start': (data, sender) => {
      const tabId = sender.tab!.id!;
      return perTab(tabId, async () => {
        const tab = startTab(data.url, data.platform, data.paused);
        saveTab(tabId, tab);
        await paintBadge(tabId, tab, await getSettings());
        return null;
      });
    },
    'page:findings': (data, sender) => {
      const tabId = sender.tab!.id!;
      return perTab(tabId, async () => {
        const current =
          (await loadTab(tabId)) ?? startTab(data.url, data.findings[0]?.platform ?? 'generic', false);
        // A late batch from a page the tab has left, or from a scan the person has since paused, is dropped.
        if (current.url !== data.url || current.status === 'paused') return { count: 0 };
        const tab = mergeFindings(current, data.findings, data.done);
        saveTab(tabId, tab);
        return { count: await paintBadge(tabId, tab, await getSettings()) };
      });
    },
    'i18n:messages': ({ lang }) => fetchMessages(lang),
    'popup:open': async () => {
      try {
        await browser.action.openPopup();
        return true;
      } catch {
        return false; // not available here: the mark's own panel already shows the details
      }
    },
    'tab:get': async ({ tabId }) => {
      const [tab, settings] = await Promise.all([loadTab(tabId), getSettings()]);
      const findings = tab ? visibleFindings(tab.findings, settings) : [];
      const state: TabState = {
        url: tab?.url ?? null,
        platform: (tab?.platform as TabState['platform']) ?? null,
        status: tab ? tab.status : 'unsupported',
        findings,
        count: findings.length,
      };
      return state;
    },
  };

  async function repaintAll() {
    const settings = await getSettings();
    // The tooltip speaks the language chosen in the options.
    await applyLanguage(settings.language);
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabs.map(async (t) => t.id !== undefined && paintBadge(t.id, await loadTab(t.id), settings)),
    );
  }

  onMessages(handlers);
  settingsItem.watch(() => void repaintAll());
  void getSettings().then((s) => applyLanguage(s.language));
  browser.tabs.onRemoved.addListener((tabId) => {
    void perTab(tabId, async () => {
      memory.delete(tabId);
      await clearTab(tabId);
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
      saveTab(tabId, null);
      await paintBadge(tabId, null, await getSettings());
    });
  });
});
