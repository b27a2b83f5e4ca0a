// Drives Debian's Chromium with the built extension loaded, serves fixture pages at real platform
// addresses through Playwright routing, aborts (and counts) every other request, and reads the
// badge and the real popup through the extension's service worker and CDP. A suite gets its
// browser from `useChromium()`; `launch()` is for a browser of a test's own (or a script's).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(process.env.BASIRA_BUILD || '.output/chrome-mv3');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The browser of a suite (or of a `describe`): launched before its tests, closed after them. The
 * object is returned at once and filled in by the `before` hook, so tests use it directly.
 * @param {Parameters<typeof launch>[0]} options
 */
export function useChromium(options = {}) {
  const browser = {};
  before(async () => {
    Object.assign(browser, await launch(options));
  });
  after(async () => {
    await browser.close?.();
  });
  return browser;
}

/**
 * `userDataDir` reuses a profile (a browser restart); the caller then removes it.
 * @param {{ extension?: boolean, headless?: boolean, lang?: string, userDataDir?: string, routes?: Record<string, string | (() => string)> }} options
 */
export async function launch(options = {}) {
  const { extension = true, headless = true, lang = 'en' } = options;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'basira-chromium-')));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-features=Translate,OptimizationHints,MediaRouter',
    `--lang=${lang}`,
  ];
  if (headless) args.push('--headless=new');
  if (extension)
    args.push(`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: false, // `--headless=new` above: the mode that loads extensions
    args,
    locale: lang,
    env: { ...process.env, LANGUAGE: lang },
    viewport: { width: 1280, height: 900 },
  });

  /**
   * Pages served by address; everything else is aborted and recorded. Fixture pages reference
   * images and media like the real sites do; requests Basira could make (fetch, XHR, sockets,
   * beacons, or anything from its service worker) are what `extensionRequests` reports.
   */
  const pages = new Map();
  const blocked = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const key = url.split('#')[0];
    const body = pages.get(key);
    if (body !== undefined) {
      const html = typeof body === 'function' ? body() : body;
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    }
    if (url.startsWith('chrome-extension://') || url.startsWith('data:')) return route.continue();
    const request = route.request();
    blocked.push({ url, type: request.resourceType(), worker: Boolean(request.serviceWorker?.()) });
    return route.abort('blockedbyclient');
  });

  let worker = null;
  if (extension) {
    worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  }
  const extensionId = worker ? new URL(worker.url()).host : null;
  /**
   * Runs `fn(arg)` in the extension's service worker. Playwright's handle outlives a stop and
   * restart of the worker (measured with Debian's Chromium 156): it evaluates in the running one.
   */
  const within = (promise, ms, message) => {
    let timer;
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    });
    return Promise.race([promise, late]).finally(() => clearTimeout(timer));
  };
  /**
   * A stopped worker is not started by an evaluation, only by an event: an extension page that
   * messages it (the popup's page asks for a tab's state as it opens) wakes it.
   */
  const wakeWorker = async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`).catch(() => undefined);
    await sleep(300);
    await page.close();
  };
  const inWorker = async (fn, arg) => {
    const first = worker.evaluate(fn, arg);
    try {
      return await within(first, 5_000, 'asleep');
    } catch (e) {
      if (e.message !== 'asleep') throw e;
    }
    // Asleep (stopped by a test, nothing woke it since): wake it, then fail rather than hang.
    first.catch(() => undefined);
    await wakeWorker();
    return within(worker.evaluate(fn, arg), 20_000, 'the service worker did not answer within 20 s');
  };

  /** Lists the popups Chromium has open (a CDP target Playwright does not surface). */
  const popupTargets = async (cdp) =>
    (await cdp.send('Target.getTargets')).targetInfos.filter(
      (t) => t.type === 'page' && t.url.includes('/popup.html'),
    );
  const serve = (url, html) => {
    pages.set(url.split('#')[0], html);
  };
  const activeTabId = async (page) => {
    await page.bringToFront();
    return inWorker(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? null;
    });
  };
  const badge = (tabId) =>
    inWorker(async (id) => {
      const text = await chrome.action.getBadgeText({ tabId: id });
      const color = await chrome.action.getBadgeBackgroundColor({ tabId: id });
      const title = await chrome.action.getTitle({ tabId: id });
      return { text, color, title };
    }, tabId);

  return {
    context,
    worker,
    inWorker,
    extensionId,
    /**
     * Stops the extension's service worker at once, as Chrome does to an idle one, through CDP's
     * ServiceWorker domain (from `page`'s session). The next event (a content script's message)
     * starts it again.
     */
    async stopWorker(page) {
      const cdp = await context.newCDPSession(page);
      const versions = [];
      cdp.on('ServiceWorker.workerVersionUpdated', (e) => versions.push(...e.versions));
      await cdp.send('ServiceWorker.enable');
      for (let i = 0; i < 50 && !versions.some((v) => v.scriptURL.includes(extensionId)); i++)
        await sleep(20);
      const running = versions.filter(
        (v) => v.scriptURL.includes(extensionId) && v.runningStatus === 'running',
      );
      if (running.length === 0) throw new Error('the extension has no running service worker to stop');
      for (const v of running) await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
      for (let i = 0; i < 100; i++) {
        if (
          versions.filter((v) => running.some((r) => r.versionId === v.versionId)).at(-1)?.runningStatus ===
          'stopped'
        )
          break;
        await sleep(20);
      }
      await cdp.detach();
    },
    blocked,
    /** Blocked requests that are not a page's own subresources: what Basira itself would send. */
    extensionRequests() {
      const subresource = new Set([
        'image',
        'media',
        'font',
        'stylesheet',
        'script',
        'manifest',
        'texttrack',
      ]);
      return blocked.filter((r) => r.worker || !subresource.has(r.type)).map((r) => `${r.type} ${r.url}`);
    },
    /** Blocked requests other than the favicon Chromium asks for by itself: what left a page. */
    blockedBesidesFavicon() {
      return blocked.filter((r) => !/favicon/.test(r.url));
    },
    /** Serves `html` at `url` (a real platform address). */
    serve,
    /** The id of the active tab (the tab a popup opens for). */
    activeTabId,
    /**
     * Opens `url` (serving `html` there, if given) in a new tab brought to the front, and returns
     * the page, its tab id and when navigation `started` (Date.now()). `prepare(page)` runs before
     * the page loads (an error watcher, an init script); what it returns is `prepared`.
     * @param {string} url
     * @param {string} [html]
     * @param {{ prepare?: (page: import('playwright-core').Page) => unknown, timeout?: number }} [options]
     */
    async open(url, html, { prepare, timeout } = {}) {
      if (html !== undefined) serve(url, html);
      const page = await context.newPage();
      const prepared = await prepare?.(page);
      await page.bringToFront(); // a background tab's timers are throttled
      const started = Date.now();
      await page.goto(url, timeout === undefined ? undefined : { timeout });
      const tabId = await activeTabId(page);
      return { page, tabId, prepared, started };
    },
    badge,
    /** Waits until the badge text satisfies `predicate`. */
    async waitForBadge(tabId, predicate, timeout = 15_000) {
      const start = Date.now();
      let last = null;
      while (Date.now() - start < timeout) {
        last = await badge(tabId);
        if (predicate(last.text)) return last;
        await sleep(100);
      }
      throw new Error(`badge never matched; last ${JSON.stringify(last)}`);
    },
    /**
     * Waits until the badge shows `expected` and keeps showing it for `stableMs`; returns the
     * moment (Date.now()) it first showed it for good.
     */
    async settleBadge(tabId, expected, { timeout = 20_000, stableMs = 800 } = {}) {
      const start = Date.now();
      let since = null;
      let last = null;
      while (Date.now() - start < timeout) {
        last = (await badge(tabId)).text;
        if (last === expected) {
          since ??= Date.now();
          if (Date.now() - since >= stableMs) return since;
        } else since = null;
        await sleep(100);
      }
      throw new Error(`badge never settled on "${expected}"; last "${last}"`);
    },
    /**
     * Every finding the background holds for the tab (all verdicts), from session storage: the
     * tab's head and its parts, a later part's finding replacing an earlier one's (utils/tab-state.ts).
     */
    findings(tabId) {
      return inWorker(async (id) => {
        const head = (await chrome.storage.session.get(`tab-${id}`))[`tab-${id}`];
        const keys = Array.from({ length: head?.parts ?? 0 }, (_, i) => `tab-${id}-${i}`);
        const parts = keys.length > 0 ? await chrome.storage.session.get(keys) : {};
        const byId = new Map();
        for (const key of keys) for (const f of parts[key] ?? []) byId.set(f.id, f);
        return [...byId.values()];
      }, tabId);
    },
    /** Opens the real popup for the active tab and returns a CDP handle to it. */
    async openPopup() {
      await inWorker(() => chrome.action.openPopup());
      const cdp = await context.browser()?.newBrowserCDPSession();
      if (!cdp) throw new Error('no browser CDP session');
      let target = null;
      for (let i = 0; i < 50 && !target; i++) {
        [target] = await popupTargets(cdp);
        if (!target) await sleep(100);
      }
      if (!target) throw new Error('popup did not open');
      return popupHandle(cdp, target.targetId);
    },
    /**
     * Closes a popup (anything with `close()`) and waits until Chromium no longer lists one, so
     * the next `openPopup()` finds the new popup and not this one.
     */
    async closePopup(popup) {
      await popup?.close();
      const cdp = await context.browser().newBrowserCDPSession();
      for (let i = 0; i < 50; i++) {
        if ((await popupTargets(cdp)).length === 0) break;
        await sleep(100);
      }
      await cdp.detach();
    },
    async close() {
      await context.close();
      if (!options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A minimal CDP client for a target Playwright doesn't surface (the action popup). */
async function popupHandle(cdp, targetId) {
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let next = 1;
  const waiting = new Map();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const msg = JSON.parse(event.message);
    const w = waiting.get(msg.id);
    if (w) {
      waiting.delete(msg.id);
      if (msg.error) w.reject(new Error(msg.error.message));
      else w.resolve(msg.result);
    }
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      });
    });
  return {
    async evaluate(expression) {
      const result = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
      if (result.exceptionDetails) throw new Error(result.exceptionDetails.text);
      return result.result.value;
    },
    async waitFor(expression, timeout = 10_000) {
      const start = Date.now();
      while (Date.now() - start < timeout) {
        const v = await this.evaluate(expression).catch(() => null);
        if (v) return v;
        await sleep(100);
      }
      throw new Error(`popup condition never held: ${expression}`);
    },
    async screenshot() {
      const { data } = await send('Page.captureScreenshot', { format: 'png' });
      return Buffer.from(data, 'base64');
    },
    async close() {
      await send('Runtime.evaluate', { expression: 'window.close()' }).catch(() => undefined);
    },
  };
}
