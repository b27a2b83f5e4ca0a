/**
 * WXT module: content scripts use the browser's own extension API, not webextension-polyfill.
 *
 * The polyfill (about 10 KB minified) was a fifth of the script every page parses. What a content
 * script calls is native and promise-based in both browsers Basira supports: Firefox's `browser`,
 * and Chrome's `chrome` in MV3 (runtime.sendMessage returns a promise since Chrome 99;
 * i18n, storage.onChanged and runtime.id need none). The one thing the polyfill adds that a
 * content script would use, answering a message by returning a promise, is done with
 * `sendResponse` instead (utils/content/run.ts), which both browsers support. The background and
 * the extension's pages keep the polyfill.
 *
 * The WXT polyfill module aliases `wxt/browser` to the polyfill in every build; here, in the
 * builds of content scripts only, that import resolves to `utils/content/native-browser.ts`
 * (WXT's own default: `browser` where it exists, else `chrome`). The build fails if a content
 * script still carries the polyfill.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { addViteConfig, defineWxtModule } from 'wxt/modules';

const POLYFILL = '@wxt-dev/webextension-polyfill/browser';
const CONTENT_ENTRY = /(?:^|[\\/])virtual:wxt-content-script-(?:isolated|main)-world-entrypoint\?/;

export function nativeContentBrowserPlugin(shim: string): Plugin {
  let contentBuild = false;
  return {
    name: 'basira-native-content-browser',
    enforce: 'pre',
    options(options) {
      const input = options.input;
      const entries =
        typeof input === 'string' ? [input] : Array.isArray(input) ? input : Object.values(input ?? {});
      contentBuild = entries.length > 0 && entries.every((e) => CONTENT_ENTRY.test(e));
      return null;
    },
    resolveId(source) {
      if (
        contentBuild &&
        (source === POLYFILL || source === 'wxt/browser' || source === 'webextension-polyfill')
      )
        return shim;
      return null;
    },
    renderChunk(code, chunk) {
      if (contentBuild && /message port closed before a response was received/.test(code))
        this.error(
          `${chunk.fileName} still carries webextension-polyfill; see modules/native-content-browser.ts.`,
        );
      return null;
    },
  };
}

export default defineWxtModule({
  name: 'basira:native-content-browser',
  setup(wxt) {
    addViteConfig(wxt, () => ({
      plugins: [nativeContentBrowserPlugin(resolve(wxt.config.root, 'utils/content/native-browser.ts'))],
    }));
  },
});
