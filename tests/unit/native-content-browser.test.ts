/** Content scripts without webextension-polyfill (modules/native-content-browser.ts). */
import { describe, expect, test } from 'vitest';
import { nativeContentBrowserPlugin } from '@/modules/native-content-browser';

const SHIM = '/project/utils/content/native-browser.ts';
type Hooks = {
  options: (o: { input?: unknown }) => null;
  resolveId: (source: string) => string | null;
  renderChunk: (this: { error: (m: string) => never }, code: string, chunk: { fileName: string }) => null;
};
const plugin = () => nativeContentBrowserPlugin(SHIM) as unknown as Hooks;
const CONTENT =
  '/project/virtual:wxt-content-script-isolated-world-entrypoint?/project/entrypoints/content.ts';

describe('native content browser', () => {
  test('in a content script build, the polyfill resolves to the native shim', () => {
    const p = plugin();
    p.options({ input: CONTENT });
    expect(p.resolveId('@wxt-dev/webextension-polyfill/browser')).toBe(SHIM);
    expect(p.resolveId('wxt/browser')).toBe(SHIM);
    expect(p.resolveId('preact')).toBeNull();
  });

  test('the background and the extension pages keep the polyfill', () => {
    for (const input of [
      '/project/virtual:wxt-background-entrypoint?/project/entrypoints/background.ts',
      { popup: '/project/entrypoints/popup/index.html', options: '/project/entrypoints/options/index.html' },
      undefined,
    ]) {
      const p = plugin();
      p.options({ input });
      expect(p.resolveId('@wxt-dev/webextension-polyfill/browser')).toBeNull();
    }
  });

  test('a content script that still carries the polyfill fails the build', () => {
    const p = plugin();
    p.options({ input: CONTENT });
    const error = (m: string): never => {
      throw new Error(m);
    };
    expect(() =>
      p.renderChunk.call({ error }, 'x("The message port closed before a response was received.")', {
        fileName: 'content.js',
      }),
    ).toThrow(/still carries webextension-polyfill/);
    expect(
      p.renderChunk.call({ error }, 'chrome.runtime.sendMessage(m)', { fileName: 'content.js' }),
    ).toBeNull();
  });
});
