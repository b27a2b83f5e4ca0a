/** UI strings from the browser's `_locales` (English and Arabic share every key; a test checks). */
import { browser } from 'wxt/browser';

export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key as never, substitutions) || key;
}

export function uiDirection(): 'rtl' | 'ltr' {
  const lang = browser.i18n.getUILanguage().toLowerCase();
  return lang.startsWith('ar') || lang.startsWith('fa') || lang.startsWith('he') ? 'rtl' : 'ltr';
}
