// Memory in Chromium: a post labelled "Paid partnership with HeyGen", then in another tab an
// unlabelled push of HeyGen by the same author — undisclosed because of the first, in the badge,
// the mark's panel and the popup's explanation. It still holds after the service worker stops and
// after the browser restarts with the same profile. The insights page shows both posts (axe-core
// clean in English and Arabic, light and dark), and "Forget everything" makes the push a plain
// promotion again. Nothing leaves the browser.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { launch } from '../harness/chromium.mjs';
import { waitForMarks } from '../harness/marks.mjs';
import { panelsByCdp, popupExplanations } from '../harness/panels.mjs';

const FIXTURES = join(import.meta.dirname, '../fixtures/memory');
const LABELLED = 'https://www.instagram.com/p/MEMlabelled1/';
const PUSH = 'https://www.instagram.com/p/MEMpush2/';
const pages = {
  [LABELLED]: await readFile(join(FIXTURES, '1-labelled.html'), 'utf8'),
  [PUSH]: await readFile(join(FIXTURES, '2-unlabelled.html'), 'utf8'),
};
const AXE = await readFile('node_modules/axe-core/axe.min.js', 'utf8');
const RED = [179, 38, 30, 255];
const EVIDENCE =
  /you saw\s+\u2068?@maya\.makes\u2069?’s post labelled “\u2068?Paid partnership with HeyGen\u2069?”/;

async function visit(browser, url) {
  const { page, tabId } = await browser.open(url, pages[url]);
  return { page, tabId };
}

async function axeViolations(page) {
  await page.evaluate(`${AXE};true`);
  const violations = await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`,
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

test('a labelled post makes the same author’s later unlabelled push undisclosed: badge, mark, popup, worker stop, browser restart, insights, forget', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'basira-memory-profile-'));
  let browser = await launch({ userDataDir: profile });
  try {
    const first = await visit(browser, LABELLED);
    await browser.settleBadge(first.tabId, '1');

    // Another tab: the same author pushes HeyGen with no label.
    const push = await visit(browser, PUSH);
    await browser.settleBadge(push.tabId, '1');
    const look = await browser.inWorker(
      async (id) => chrome.action.getBadgeBackgroundColor({ tabId: id }),
      push.tabId,
    );
    assert.deepEqual(look, RED, 'the badge is red: undisclosed');
    await waitForMarks(push.page, 1);
    const [panel] = await panelsByCdp(push.page);
    assert.ok(
      panel.lines.some((l) => EVIDENCE.test(l)),
      `the mark explains the evidence: ${panel.lines.join(' | ')}`,
    );

    const popup = await browser.openPopup();
    await popup.waitFor(`document.querySelectorAll('.finding').length === 1`);
    const [explained] = await popup.evaluate(`(${popupExplanations})()`);
    assert.ok(
      explained.lines.some((l) => EVIDENCE.test(l)),
      `the popup explains it: ${explained.lines.join(' | ')}`,
    );
    assert.equal(await popup.evaluate(`document.querySelector('.finding').dataset.verdict`), 'undisclosed');
    await browser.closePopup(popup);

    // The worker stops (as Chrome stops an idle one); a reload is judged with the memory it reads back.
    await browser.stopWorker(push.page);
    await push.page.reload();
    await browser.settleBadge(push.tabId, '1');
    assert.deepEqual(
      await browser.inWorker(async (id) => chrome.action.getBadgeBackgroundColor({ tabId: id }), push.tabId),
      RED,
      'still undisclosed after the worker restarted',
    );
    assert.deepEqual(browser.extensionRequests(), [], 'nothing left the browser');
  } finally {
    await browser.close();
  }

  // The browser restarts with the same profile: the memory is on disk.
  browser = await launch({ userDataDir: profile });
  try {
    const push = await visit(browser, PUSH);
    await browser.settleBadge(push.tabId, '1');
    assert.deepEqual(
      await browser.inWorker(async (id) => chrome.action.getBadgeBackgroundColor({ tabId: id }), push.tabId),
      RED,
      'still undisclosed after the browser restarted',
    );

    // The insights page: two flagged posts, the creator's record, a clean accessibility report.
    const insights = await browser.context.newPage();
    await insights.goto(`chrome-extension://${browser.extensionId}/insights.html`);
    await insights.locator('.creators li').first().waitFor();
    assert.equal(await insights.locator('.totals .big').first().getAttribute('data-value'), '2');
    const creator = (await insights.locator('.creators li').first().textContent()).replace(
      /[\u2066-\u2069]/g,
      '',
    );
    assert.match(creator, /@maya\.makes: 2 promotions of HeyGen, 1 disclosed/);
    for (const scheme of ['light', 'dark']) {
      await insights.emulateMedia({ colorScheme: scheme });
      assert.deepEqual(await axeViolations(insights), [], `insights (${scheme})`);
    }
    // In Arabic, right to left.
    await browser.inWorker(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...settings, language: 'ar' } });
    });
    await insights.reload();
    await insights.locator('.creators li').first().waitFor();
    assert.equal(await insights.evaluate(() => document.documentElement.dir), 'rtl');
    assert.deepEqual(await axeViolations(insights), [], 'insights (Arabic)');

    // Forget everything: the push is judged alone again.
    await insights.locator('[data-action="forget"]').click();
    await insights.locator('[data-action="forget-confirm"]').click();
    await insights.locator('.notice:not(:empty)').waitFor();
    await push.page.bringToFront();
    await push.page.reload();
    await browser.settleBadge(push.tabId, '1');
    const after = await browser.inWorker(
      async (id) => chrome.action.getBadgeBackgroundColor({ tabId: id }),
      push.tabId,
    );
    assert.notDeepEqual(after, RED, 'after forgetting, the push is a plain promotion');
    // What remains is what was seen since: the push, now a promotion.
    await insights.reload();
    await insights.locator('.creators li').first().waitFor();
    assert.equal(await insights.locator('.totals .big').first().getAttribute('data-value'), '1');
    assert.deepEqual(browser.extensionRequests(), [], 'nothing left the browser');
  } finally {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
  }
});
