// Memory in Firefox ESR, as in Chromium: a post labelled "Paid partnership with HeyGen", then in
// another tab the same author's unlabelled push of HeyGen is undisclosed (badge and mark), and the
// popup says why;
// the insights page (IndexedDB read from an extension page) shows both; "Forget everything" makes
// the push a plain promotion again.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { until, useFirefox } from '../harness/firefox.mjs';
import { waitForMarks } from '../harness/marks.mjs';
import { popupExplanations } from '../harness/panels.mjs';

const FIXTURES = join(import.meta.dirname, '../fixtures/memory');
const LABELLED = 'http://www.instagram.com/p/MEMlabelled1/';
const PUSH = 'http://www.instagram.com/p/MEMpush2/';
const firefox = useFirefox(async () => ({
  '/p/MEMlabelled1/': await readFile(join(FIXTURES, '1-labelled.html'), 'utf8'),
  '/p/MEMpush2/': await readFile(join(FIXTURES, '2-unlabelled.html'), 'utf8'),
  [LABELLED]: await readFile(join(FIXTURES, '1-labelled.html'), 'utf8'),
  [PUSH]: await readFile(join(FIXTURES, '2-unlabelled.html'), 'utf8'),
}));
const plain = (s) => s.replace(/[\u2066-\u2069]/g, '');
const EVIDENCE = /you saw @maya\.makes’s post labelled “Paid partnership with HeyGen”/;

async function visit(url) {
  const page = await firefox.browser.newPage();
  await page.goto(url);
  const tabId = await firefox.tabIdOf(url);
  return { page, tabId };
}

test('a labelled post makes the same author’s later push undisclosed; insights and forgetting work', async () => {
  const first = await visit(LABELLED);
  await firefox.waitForBadge(first.tabId, (b) => b.text === '1' && /sponsored/.test(b.title));

  const push = await visit(PUSH);
  await firefox.waitForBadge(push.tabId, (b) => b.text === '1' && /undisclosed/.test(b.title));
  await waitForMarks(push.page, 1);
  const popup = await firefox.openPopup(push.tabId);
  await until(popup, () => document.querySelectorAll('.finding').length === 1);
  const [explained] = await popup.evaluate(popupExplanations);
  assert.ok(
    explained.lines.some((l) => EVIDENCE.test(plain(l))),
    `the popup explains the evidence: ${explained.lines.join(' | ')}`,
  );
  await popup.close();

  const insights = await firefox.browser.newPage();
  void insights.goto(`moz-extension://${firefox.uuid}/insights.html`).catch(() => undefined);
  await until(insights, () => document.querySelectorAll('.creators li').length > 0);
  assert.equal(await insights.evaluate(() => document.querySelector('.totals .big').textContent), '2');
  const creator = plain(await insights.evaluate(() => document.querySelector('.creators li').textContent));
  assert.match(creator, /@maya\.makes: 2 promotions of HeyGen, 1 disclosed/);

  // Clicked in the page: puppeteer's clicks do not reach a moz-extension:// page over BiDi.
  await insights.evaluate(() => document.querySelector('[data-action="forget"]').click());
  await until(insights, () => !!document.querySelector('[data-action="forget-confirm"]'));
  await insights.evaluate(() => document.querySelector('[data-action="forget-confirm"]').click());
  await until(insights, () => !!document.querySelector('.card.empty'));
  await insights.close();

  await push.page.reload();
  await firefox.waitForBadge(push.tabId, (b) => b.text === '1' && !/undisclosed/.test(b.title));
});
