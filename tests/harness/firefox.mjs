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
 * @param {{ viewport?: { width: number, height: number } }} [options] pages' size (puppeteer's 800×600 by default)
 */
export function useFirefox(pages, options = {}) {
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
      ...(options.viewport && { defaultViewport: options.viewport }),
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

  /** An extension page of the add-on's, opened once: where tests call `browser.*` as the add-on. */
  let control = null;
  const inExtension = async (fn, arg) => {
    control ??= await openExtensionPage(firefox, 'options.html');
    return control.evaluate(fn, arg);
  };
  /** The id of the tab showing `url`. */
  firefox.tabIdOf = (url) =>
    inExtension(async (u) => (await browser.tabs.query({ url: u }))[0]?.id ?? null, url);
  /** The toolbar button of a tab: its badge text and its tooltip. */
  firefox.badge = (tabId) =>
    inExtension(
      async (id) => ({
        text: await browser.action.getBadgeText({ tabId: id }),
        title: await browser.action.getTitle({ tabId: id }),
      }),
      tabId,
    );
  /** Waits until the badge of `tabId` satisfies `predicate` (and returns it). */
  firefox.waitForBadge = (tabId, predicate, timeout = 20_000) =>
    poll(
      () => firefox.badge(tabId),
      predicate,
      timeout,
      (b) => `the badge stayed "${b.text}" (${b.title})`,
    );
  /** Changes stored settings, as the options page does. */
  firefox.setSettings = (patch) =>
    inExtension(async (p) => {
      const { settings } = await browser.storage.local.get('settings');
      await browser.storage.local.set({ settings: { ...settings, ...p } });
    }, patch);
  /** The add-on's popup for a tab, opened as a page of its own (`?tabId=`, as the popup allows). */
  firefox.openPopup = (tabId) => openExtensionPage(firefox, `popup.html?tabId=${tabId}`);
  /** The add-on's options page. */
  firefox.openOptions = () => openExtensionPage(firefox, 'options.html');
  return firefox;
}

/**
 * Opens a page of the add-on's. The navigation is started without waiting for it (a
 * moz-extension:// load does not report back over BiDi), then awaited by its address.
 */
async function openExtensionPage(firefox, path) {
  const page = await firefox.browser.newPage();
  const url = `moz-extension://${firefox.uuid}/${path}`;
  void page.goto(url).catch(() => undefined);
  await until(page, (u) => location.href === u && document.readyState === 'complete', url);
  return page;
}

/**
 * Waits until `fn(arg)`, evaluated in `page`, is truthy. Polled by hand: puppeteer's
 * waitForFunction and waitForSelector fail at once on moz-extension:// pages, and a navigation
 * replaces the realm they would run in.
 */
export const until = (page, fn, arg, timeout = 15_000) =>
  poll(
    () => page.evaluate(fn, arg).catch(() => false),
    Boolean,
    timeout,
    () => `waited ${timeout} ms for ${fn}`,
  );

/** Reads `read()` every 100 ms until `done(value)`; after `timeout` ms, throws `failure(value)`. */
async function poll(read, done, timeout, failure) {
  const start = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - start > timeout) throw new Error(failure(value));
    await new Promise((r) => setTimeout(r, 100));
  }
}
