/**
 * UI strings from `_locales` (English and Arabic share every key; a test checks). By default the
 * browser picks the locale (`browser.i18n`); a manual override in settings loads that locale's
 * messages.json from the extension itself and formats it with the same placeholder rules.
 */
import { browser } from 'wxt/browser';

export type LanguagePreference = 'auto' | 'en' | 'ar';
export const UI_LANGUAGES = ['en', 'ar'] as const;

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, MessageEntry>;

let active: { lang: string; messages: Messages } | null = null;
/** Messages without substitutions, formatted once (the popup asks for the same few hundreds of times). */
const plainCache = new Map<string, string>();

/**
 * Formats one entry the way `browser.i18n.getMessage` does: `$NAME$` takes its placeholder's
 * content, where `$1`…`$9` are the substitutions (also usable directly); `$$` is a literal dollar sign.
 * https://developer.chrome.com/docs/extensions/reference/api/i18n#placeholders
 */
export function formatMessage(entry: MessageEntry, substitutions?: string | string[]): string {
  const subs =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const fill = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), fill(p.content)]),
  );
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$(\d)/g, (match, name?: string, n?: string) => {
    if (name !== undefined) return placeholders.get(name.toLowerCase()) ?? match;
    if (n !== undefined) return subs[Number(n) - 1] ?? '';
    return '$';
  });
}

export function t(key: string, substitutions?: string | string[]): string {
  if (active) {
    if (substitutions === undefined) {
      const cached = plainCache.get(key);
      if (cached !== undefined) return cached;
    }
    const entry = active.messages[key];
    const text = entry ? formatMessage(entry, substitutions) : key;
    if (substitutions === undefined) plainCache.set(key, text);
    return text;
  }
  try {
    return browser.i18n.getMessage(key as never, substitutions) || key;
  } catch {
    return key; // no i18n API here (Node, tests without messages)
  }
}

/** Uses `messages` (a locale's messages.json) instead of the browser's choice; `null` goes back. */
export function setMessages(lang: string, messages: Messages | null): void {
  active = messages ? { lang, messages } : null;
  plainCache.clear();
}

/** The language the UI is actually shown in (the locale the strings came from). */
export function uiLanguage(): string {
  const own = t('locale_code');
  if (own !== 'locale_code') return own;
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'en';
  }
}

export function uiDirection(): 'rtl' | 'ltr' {
  const dir = t('locale_dir');
  if (dir === 'rtl' || dir === 'ltr') return dir;
  const lang = uiLanguage().toLowerCase();
  return lang.startsWith('ar') || lang.startsWith('fa') || lang.startsWith('he') ? 'rtl' : 'ltr';
}

/** Plural-aware message: `${base}_${category}` (zero, one, two, few, many, other) with `$COUNT$`. */
export function plural(base: string, count: number): string {
  let category: string;
  try {
    category = new Intl.PluralRules(uiLanguage()).select(count);
  } catch {
    category = count === 1 ? 'one' : 'other';
  }
  const key = `${base}_${category}`;
  const text = t(key, String(count));
  return text === key ? t(`${base}_other`, String(count)) : text;
}

export type MessageLoader = (lang: (typeof UI_LANGUAGES)[number]) => Promise<Messages>;

/** Reads a bundled locale from the extension itself (an extension-internal URL, never the network). */
export const fetchMessages: MessageLoader = async (lang) => {
  const response = await fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json` as never));
  return (await response.json()) as Messages;
};

/** Applies the language preference: loads the override (or returns to the browser's choice). */
export async function applyLanguage(
  preference: LanguagePreference,
  load: MessageLoader = fetchMessages,
): Promise<void> {
  if (preference === 'auto') setMessages('', null);
  else {
    try {
      setMessages(preference, await load(preference));
    } catch {
      setMessages('', null); // a broken override never leaves the UI without words
    }
  }
  if (typeof document !== 'undefined') applyDocumentLanguage(document);
}

/** Sets `lang` and `dir` on the root element so the whole page follows the UI language. */
export function applyDocumentLanguage(doc: Document): void {
  doc.documentElement.lang = uiLanguage();
  doc.documentElement.dir = uiDirection();
}
