/**
 * WXT module: keeps Basira's extension id out of the pages it reads.
 *
 * When a content script starts, WXT 0.21.0's ContentScriptContext tells older copies of the same
 * script to stop in two ways: a DOM event on `document` (which WXT listens to) and a
 * `window.postMessage` (which nothing of WXT's listens to any more). The message's type is
 * `<extension id>:content:wxt:content-script-started`, so every page could learn the id of the
 * extension reading it, and with it fingerprint the person (wxt-dev/wxt#1752). The DOM event
 * carries the same name, but a page can only hear it if it already knows the id. This module
 * drops the message.
 *
 * Upstream added a `noScriptStartedPostMessage` option (wxt-dev/wxt#2265, in WXT 0.21.2), but
 * that release needs Node 22 and Basira builds on Node 20. Once it can upgrade, set the option
 * and delete this module. Until then: if WXT's code changes shape, the build fails here rather
 * than leak silently (every output chunk is checked too); the browser test "the page does not
 * learn Basira's extension id" checks the result.
 */
import type { Plugin } from 'vite';
import { addViteConfig, defineWxtModule } from 'wxt/modules';

const CONTEXT = /wxt[\\/]dist[\\/]utils[\\/]content-script-context\.mjs$/;
/** WXT 0.20–0.21: `window.postMessage({ type: …SCRIPT_STARTED_MESSAGE_TYPE, … }, "*");` */
const START_MESSAGE =
  /\bwindow\.postMessage\(\{\s*type:\s*ContentScriptContext\.SCRIPT_STARTED_MESSAGE_TYPE,[^}]*\},\s*"\*"\);/;

export function dropStartMessage(code: string): string | null {
  const out = code.replace(START_MESSAGE, '');
  return out === code || out.includes('window.postMessage') ? null : out;
}

export function quietStartPlugin(): Plugin {
  return {
    name: 'basira-quiet-start',
    enforce: 'pre',
    transform(code, id) {
      if (!CONTEXT.test(id)) return null;
      const out = dropStartMessage(code);
      if (out === null) {
        this.error(
          `${id}: WXT's start-up message is not where modules/quiet-start.ts expects it; ` +
            'check whether it still posts the extension id to the page and update the module.',
        );
      }
      return { code: out, map: null };
    },
    // However WXT is laid out, no chunk may post its start-up event name to the window.
    renderChunk(code, chunk) {
      if (code.includes('wxt:content-script-started') && code.includes('postMessage')) {
        this.error(`${chunk.fileName} posts WXT's start-up message to the page; see modules/quiet-start.ts.`);
      }
      return null;
    },
  };
}

export default defineWxtModule({
  name: 'basira:quiet-start',
  setup(wxt) {
    addViteConfig(wxt, () => ({ plugins: [quietStartPlugin()] }));
  },
});
