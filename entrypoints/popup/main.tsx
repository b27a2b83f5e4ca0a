import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import { uiDirection } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import './style.css';

async function activeTabId(): Promise<number | null> {
  // Tests open the popup for a given tab with ?tabId=.
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function load() {
  const tabId = await activeTabId();
  if (tabId === null) return null;
  return sendMessage('tab:get', { tabId });
}

document.documentElement.dir = uiDirection();
document.documentElement.lang = browser.i18n.getUILanguage();
render(<Popup load={load} />, document.getElementById('app')!);
