/**
 * What the popup does in the extension: read its tab's state from the background, ask the tab's
 * content script to show a post, pause a site in settings, open the options page. Kept apart from
 * the component so tests and the benchmark can render the popup with their own.
 */
import { browser } from 'wxt/browser';
import { type Correction, withCorrection } from '../feedback';
import type { FindingWire, TabState } from '../protocol';
import { sendMessage, sendTabMessage } from '../send';
import { getSettings, settingsItem, updateSettings } from '../settings';
import { withPause } from './hosts';

export interface PopupSettings {
  pausedSites: readonly string[];
  scope: 'ai' | 'all';
}

export interface PopupActions {
  load(): Promise<TabState | null>;
  show(id: string): Promise<boolean>;
  /** "This is wrong": records the correction in the settings (the badge follows at once). */
  correct(finding: FindingWire, correction: Correction): Promise<void>;
  openOptions(): void;
  /** Opens the insights page (what memory kept) in a tab. */
  openInsights(): void;
  settings(): Promise<PopupSettings>;
  setPaused(host: string, paused: boolean): Promise<void>;
  /** Calls back when settings change elsewhere; returns the unsubscribe. */
  watchSettings(callback: () => void): () => void;
}

export function extensionActions(tabId: () => Promise<number | null>): PopupActions {
  return {
    async load() {
      const id = await tabId();
      return id === null ? null : sendMessage('tab:get', { tabId: id });
    },
    async show(itemId) {
      const id = await tabId();
      if (id === null) return false;
      return sendTabMessage(id, 'item:show', { id: itemId }).catch(() => false);
    },
    async correct(finding, correction) {
      const current = await getSettings();
      await updateSettings({ feedback: withCorrection(current.feedback, finding, correction) });
    },
    openOptions() {
      void browser.runtime.openOptionsPage();
    },
    openInsights() {
      void browser.tabs.create({ url: browser.runtime.getURL('/insights.html' as never) });
    },
    settings: getSettings,
    async setPaused(host, paused) {
      const current = await getSettings();
      await updateSettings({ pausedSites: withPause(current.pausedSites, host, paused) });
    },
    watchSettings(callback) {
      return settingsItem.watch(() => callback());
    },
  };
}
