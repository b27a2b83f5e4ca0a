/**
 * The extension API as content scripts get it (modules/native-content-browser.ts): the browser's
 * own, promise-based in Firefox (`browser`) and in Chrome MV3 (`chrome`), without the polyfill.
 * The same choice WXT makes without its polyfill module.
 */
import type { browser as Polyfilled } from 'wxt/browser';

type Api = typeof Polyfilled;
const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
export const browser: Api = scope.browser?.runtime?.id ? scope.browser : (scope.chrome as Api);
