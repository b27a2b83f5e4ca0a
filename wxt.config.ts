import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/** Gecko id for Firefox builds; tests pin the moz-extension UUID for it. */
export const GECKO_ID = 'basira@basira.app';

// See https://wxt.dev/api/config.html
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Basira',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `storage`: settings (local) and per-tab findings that survive a service-worker restart (session).
    // Nothing else: content scripts are declared statically, the badge needs no permission, and the
    // popup reads the page's address from what the content script reported, not from `tabs`.
    permissions: ['storage'],
    action: { default_title: '__MSG_extName__' },
    // Content scripts use chrome.runtime.sendMessage's promise (modules/native-content-browser.ts).
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '102' }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // data_collection_permissions needs Firefox for Android 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
    build: {
      rollupOptions: {
        // zod 4 ships /* #__PURE__ */ annotations Rollup cannot place; they are harmless.
        onLog(level, log, handler) {
          if (log.code === 'INVALID_ANNOTATION') return;
          handler(level, log);
        },
      },
    },
  }),
});
