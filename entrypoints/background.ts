/**
 * Background: keeps findings per tab and sets the badge. Thin by design: handlers and badge only.
 */
import { browser } from 'wxt/browser';
import { type Handlers, onMessages } from '@/utils/messaging';
import type { TabState } from '@/utils/protocol';
import { badgeFor, visibleFindings } from '@/utils/scope';
import { getSettings, type Settings, settingsItem } from '@/utils/settings';
import { clearTab, mergeFindings, readTab, type StoredTab, startTab, writeTab } from '@/utils/tab-state';

const COLORS = { red: '#B3261E', amber: '#F4B400' } as const;
const TEXT_COLORS = { red: '#FFFFFF', amber: '#1F1F1F' } as const;

async function paintBadge(tabId: number, tab: StoredTab | null, settings: Settings): Promise<number> {
  const visible = tab ? visibleFindings(tab.findings, settings) : [];
  const { text, color } = badgeFor(visible);
  try {
    await browser.action.setBadgeText({ tabId, text: settings.badge ? text : '' });
    if (color) {
      await browser.action.setBadgeBackgroundColor({ tabId, color: COLORS[color] });
      await browser.action.setBadgeTextColor?.({ tabId, color: TEXT_COLORS[color] });
    }
  } catch {
    // The tab closed meanwhile.
  }
  return visible.length;
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
        await writeTab(tabId, tab);
        await paintBadge(tabId, tab, await getSettings());
        return null;
      });
    },
    'page:findings': (data, sender) => {
      const tabId = sender.tab!.id!;
      return perTab(tabId, async () => {
        const current =
          (await readTab(tabId)) ?? startTab(data.url, data.findings[0]?.platform ?? 'generic', false);
        // A late batch from a page the tab has left is dropped.
        if (current.url !== data.url) return { count: 0 };
        const tab = mergeFindings(current, data.findings, data.done);
        await writeTab(tabId, tab);
        return { count: await paintBadge(tabId, tab, await getSettings()) };
      });
    },
    'popup:open': async () => {
      try {
        await browser.action.openPopup();
        return true;
      } catch {
        return false; // not available here: the mark's own panel already shows the details
      }
    },
    'tab:get': async ({ tabId }) => {
      const [tab, settings] = await Promise.all([readTab(tabId), getSettings()]);
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
    'settings:changed': async () => {
      await repaintAll();
      return null;
    },
  };

  async function repaintAll() {
    const settings = await getSettings();
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabs.map(async (t) => t.id !== undefined && paintBadge(t.id, await readTab(t.id), settings)),
    );
  }

  onMessages(handlers);
  settingsItem.watch(() => void repaintAll());
  browser.tabs.onRemoved.addListener((tabId) => {
    void perTab(tabId, () => clearTab(tabId));
  });
  // A full navigation starts a new page: drop the old findings until its content script reports.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') {
      void perTab(tabId, async () => {
        await clearTab(tabId);
        await paintBadge(tabId, null, await getSettings());
      });
    }
  });
});
