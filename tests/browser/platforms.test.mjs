// Every platform's saved pages, served at their real addresses in Chromium: the badge count and
// colour, marks on exactly the flagged posts, agreement with the `scan` CLI and with the labels,
// and no request leaving the machine.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useChromium } from '../harness/chromium.mjs';
import { scanHtml } from '../harness/cli.mjs';
import { BADGE_RGBA, badgeOf, countsOnBadge, loadFixtures } from '../harness/expected.mjs';
import { waitForMarks } from '../harness/marks.mjs';

const browser = useChromium();

for (const fixture of loadFixtures()) {
  test(`${fixture.name}: badge, marks and CLI agree with the labels`, async () => {
    const { url, items } = fixture;
    const flagged = items.filter(countsOnBadge);
    const cli = scanHtml(fixture.html, url).items;
    // The CLI reads the page like the extension does.
    assert.deepEqual(
      cli.map((i) => [i.verdict, i.topic]),
      items.map((i) => [i.verdict, i.topic]),
      'CLI verdicts match the labels',
    );

    const { page, tabId } = await browser.open(url, fixture.html);
    const expected = badgeOf(items);
    const badge = await browser.waitForBadge(tabId, (t) => t === expected.text);
    if (expected.color === 'red') assert.deepEqual(badge.color, BADGE_RGBA.red);

    // Marks sit on exactly the flagged posts: each marked element contains a flagged item's text.
    await waitForMarks(page, flagged.length);
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
