/**
 * What the insights page and the options' memory section do in the extension: read the ledger
 * (IndexedDB is shared by every page of the extension), ask the background to forget (it also
 * holds what memory taught it), read and dismiss the notice of a rebuilt database. Kept apart
 * from the components so tests and the bench render them with their own.
 */
import { browser } from 'wxt/browser';
import type { LedgerEntry } from '../memory/graph';
import { Ledger } from '../memory/ledger';
import { MEMORY_NOTICE_KEY, type MemoryNotice, parseNotice } from '../memory/notice';
import { sendMessage } from '../send';
import { getSettings } from '../settings';

export interface MemoryActions {
  read(since: number): Promise<{ entries: LedgerEntry[]; dropped: number }>;
  forget(): Promise<void>;
  /** Whether memory is paused (nothing new is remembered). */
  paused(): Promise<boolean>;
  notice(): Promise<MemoryNotice | null>;
  dismissNotice(): Promise<void>;
  openInsights(): void;
}

export function extensionMemoryActions(): MemoryActions {
  const ledger = new Ledger();
  return {
    read: (since) => ledger.read(since),
    async forget() {
      if (!(await sendMessage('memory:forget', {}))) throw new Error('the background did not forget');
    },
    async paused() {
      return !(await getSettings()).memory.on;
    },
    async notice() {
      return parseNotice((await browser.storage.local.get(MEMORY_NOTICE_KEY))[MEMORY_NOTICE_KEY]);
    },
    async dismissNotice() {
      await browser.storage.local.remove(MEMORY_NOTICE_KEY);
    },
    openInsights() {
      void browser.tabs.create({ url: browser.runtime.getURL('/insights.html' as never) });
    },
  };
}
