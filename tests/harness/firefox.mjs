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
 * The Firefox of a suite: before its tests, serves `pages` on a loopback port and starts Firefox
 * with the add-on; after them, stops both. A key is a path on the loopback server (`/story`) or a
 * whole http:// address (`http://x.com/home`): Firefox reaches every address through the loopback
 * server as its proxy, so a platform's page is served at the platform's own address and the
 * platforms' content script runs there. Nothing leaves the machine: an address not served gets
 * a 404 from the loopback server. The object is filled in by the `before` hook: `browser`
 * (puppeteer), `base` (the server's address) and `uuid` (the add-on's moz-extension:// host).
 * @param {() => Promise<Record<string, string>> | Record<string, string>} pages
 */
export function useFirefox(pages) {
  const firefox = { uuid: randomUUID() };
  let server;
  before(async () => {
    const served = await pages();
    server = createServer((req, res) => {
      // As the proxy, the server hears whole addresses; a loopback one is served by its path.
      const key = req.url.startsWith(`${firefox.base}/`) ? req.url.slice(firefox.base.length) : req.url;
      if (Object.hasOwn(served, key)) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(served[key]);
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
        // Every request goes to the loopback server (see above), loopback ones included.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': server.address().port,
        'network.proxy.allow_hijacking_localhost': true,
        'network.proxy.no_proxies_on': '',
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
