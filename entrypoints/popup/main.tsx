import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import { applyLanguage, t } from '@/utils/i18n';
import { getSettings } from '@/utils/settings';
import { extensionActions } from '@/utils/ui/popup-actions';
import '@/components/theme.css';
import './style.css';

let tabId: Promise<number | null> | null = null;
function activeTabId(): Promise<number | null> {
  tabId ??= (async () => {
    // Tests (and the popup opened in a tab) pass the tab with ?tabId=.
    const param = new URLSearchParams(location.search).get('tabId');
    if (param && /^\d+$/.test(param)) return Number(param);
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  })();
  return tabId;
}

async function main() {
  const settings = await getSettings().catch(() => null);
  await applyLanguage(settings?.language ?? 'auto');
  document.title = t('popupTitle');
  render(<Popup actions={extensionActions(activeTabId)} />, document.getElementById('app')!);
}
void main();
