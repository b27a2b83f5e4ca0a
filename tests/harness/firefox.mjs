// Drives Debian's firefox-esr with the Firefox build installed as a temporary add-on
// (puppeteer-core over WebDriver BiDi), and serves pages from a loopback server.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { after, before } from 'node:test';
import puppeteer from 'puppeteer-core';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const GECKO_ID = 'basira@basira.app';

/**
 * The Firefox of a suite: before its tests, serves `pages` (path → HTML) on a loopback port and
 * starts Firefox with the add-on; after them, stops both. The object is filled in by the `before`
 * hook: `browser` (puppeteer), `base` (the server's address) and `uuid` (the add-on's
 * moz-extension:// host).
 * @param {() => Promise<Record<string, string>> | Record<string, string>} pages
 */
export function useFirefox(pages) {
  const firefox = { uuid: randomUUID() };
  let server;
  before(async () => {
    const served = await pages();
    server = createServer((req, res) => {
      if (Object.hasOwn(served, req.url)) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(served[req.url]);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    firefox.base = `http://127.0.0.1:${server.address().port}`;
    firefox.browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: firefox.uuid }),
        // Host permissions of MV3 content scripts are granted without a prompt in tests.
        'extensions.originControls.grantByDefault': true,
        'datareporting.policy.dataSubmissionEnabled': false,
        'toolkit.telemetry.enabled': false,
        'app.update.enabled': false,
        'browser.shell.checkDefaultBrowser': false,
      },
    });
    await firefox.browser.installExtension(resolve('.output/firefox-mv3'));
  });
  after(async () => {
    await firefox.browser?.close();
    server?.close();
  });
  return firefox;
}
