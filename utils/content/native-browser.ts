/**
 * The extension API as content scripts get it (modules/native-content-browser.ts): the browser's
 * own, promise-based in Firefox (`browser`) and in Chrome MV3 (`chrome`), without the polyfill.
 * Chosen when the script is built, not by looking at `globalThis.browser` at run time: a page can
 * make that name resolve to one of its own elements (`<form id="browser">`), and the isolated world
 * sees the page's named elements too.
 */
import type { browser as Polyfilled } from 'wxt/browser';

type Api = typeof Polyfilled;
const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
export const browser: Api = (import.meta.env.FIREFOX ? scope.browser : scope.chrome) as Api;
