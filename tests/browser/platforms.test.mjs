// Every platform's saved pages, served at their real addresses in Chromium: the badge count and
// colour, marks on exactly the flagged posts, agreement with the `scan` CLI and with the labels,
// and no request leaving the machine.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch } from '../harness/chromium.mjs';
import { countsOnBadge, scanHtml } from '../harness/cli.mjs';

const ROOT = 'tests/fixtures/pages';
const fixtures = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(ROOT, d.name))
      .filter((f) => f.endsWith('.expect.json'))
      .map((f) => ({
        name: `${d.name}/${f.replace('.expect.json', '')}`,
        html: readFileSync(join(ROOT, d.name, f.replace('.expect.json', '.html')), 'utf8'),
        expect: JSON.parse(readFileSync(join(ROOT, d.name, f), 'utf8')),
      })),
  );

const RED = [179, 38, 30, 255];
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const fixture of fixtures) {
  test(`${fixture.name}: badge, marks and CLI agree with the labels`, async () => {
    const { url, items } = fixture.expect;
    const flagged = items.filter(countsOnBadge);
    const cli = scanHtml(fixture.html, url).items;
    // The CLI reads the page like the extension does.
    assert.deepEqual(
      cli.map((i) => [i.verdict, i.topic]),
      items.map((i) => [i.verdict, i.topic]),
      'CLI verdicts match the labels',
    );

    browser.serve(url, fixture.html);
    const page = await browser.context.newPage();
    await page.goto(url);
    const tabId = await browser.activeTabId(page);
    const expected = flagged.length === 0 ? '' : String(flagged.length);
    const badge = await browser.waitForBadge(tabId, (t) => t === expected);
    if (flagged.some((i) => i.verdict === 'undisclosed')) assert.deepEqual(badge.color, RED);

    // Marks sit on exactly the flagged posts: each marked element contains a flagged item's text.
    await page.waitForFunction((n) => document.querySelectorAll('basira-mark').length === n, flagged.length);
    const markedTexts = await page.evaluate(() =>
      [...document.querySelectorAll('basira-mark')].map((m) =>
        (m.parentElement?.textContent ?? '').replace(/\s+/g, ' '),
      ),
    );
    for (const item of flagged) {
      const needle = item.match.replace(/\s+/g, ' ').slice(0, 40);
      assert.ok(
        markedTexts.some((t) => t.includes(needle)),
        `mark on "${needle}"`,
      );
    }
    await page.close();
  });
}

test('no request left the machine', () => {
  assert.deepEqual(browser.extensionRequests(), []);
});
