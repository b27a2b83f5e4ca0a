/** The build step that keeps the extension id out of pages (modules/quiet-start.ts). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { dropStartMessage } from '@/modules/quiet-start';

const require = createRequire(import.meta.url);
const wxtContext = readFileSync(require.resolve('wxt/utils/content-script-context'), 'utf8');

describe('quiet start', () => {
  test('drops the window message from the installed WXT, and keeps the DOM event WXT listens to', () => {
    expect(wxtContext).toContain('window.postMessage');
    const out = dropStartMessage(wxtContext);
    expect(out).not.toBeNull();
    expect(out).not.toContain('postMessage');
    expect(out).toContain(
      'document.dispatchEvent(new CustomEvent(ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE',
    );
    expect(out).toContain('document.addEventListener(ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE');
  });

  test('refuses code it does not recognise rather than pass a leak through', () => {
    expect(dropStartMessage('window.postMessage({ type: SOMETHING_ELSE, id }, "*");')).toBeNull();
    expect(dropStartMessage('export const x = 1;')).toBeNull();
  });
});
