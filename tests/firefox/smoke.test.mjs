// Firefox smoke test: Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi, installs
// the Firefox build as a temporary add-on; on a page served from loopback the content script runs
// the engine and marks exactly the flagged posts.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import puppeteer from 'puppeteer-core';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const GECKO_ID = 'basira@basira.app';
const uuid = randomUUID();
let server;
let browser;
let base;

before(async () => {
  const html = await readFile('tests/fixtures/pages/generic/ai-news-with-ads.html', 'utf8');
  server = createServer((req, res) => {
    if (req.url === '/story') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // Host permissions of MV3 content scripts are granted without a prompt in tests.
      'extensions.originControls.grantByDefault': true,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
    },
  });
  await browser.installExtension(resolve('.output/firefox-mv3'));
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('the content script runs in Firefox and marks the flagged posts', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/story`);
  await page.waitForFunction(() => document.querySelectorAll('basira-mark').length >= 2, { timeout: 20_000 });
  const marked = await page.evaluate(() =>
    [...document.querySelectorAll('basira-mark')].map(
      (m) => m.parentElement?.id || m.parentElement?.className,
    ),
  );
  assert.deepEqual(marked.sort(), ['ad-unit', 'promo-box']);
});
