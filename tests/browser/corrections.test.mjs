// "This is wrong" in Chromium: a post hidden from the popup, and one hidden from its in-page panel
// (by keyboard, as a person would), stop counting at once — the badge drops and their marks go;
// undoing both in the options brings them back, and restoring a settings backup hides them again.
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { useChromium } from '../harness/chromium.mjs';
import { expectedFromCli } from '../harness/cli.mjs';
import { layoutPage, POSTS, probe } from '../harness/layout.mjs';
import { waitForMarks } from '../harness/marks.mjs';

const browser = useChromium();

test('hidden from the popup and from the panel: the badge drops at once; Undo restores it; a backup carries it', async () => {
  const url = 'https://blog.example.org/corrections';
  const html = layoutPage();
  const { count, badge } = expectedFromCli(html, url);
  assert.equal(count, POSTS.length);
  const n = POSTS.length;
  const { page, tabId } = await browser.open(url, html);
  await browser.settleBadge(tabId, badge);
  await waitForMarks(page, n);

  // The popup: "This is wrong" → "Hide this post" on the first finding.
  const popup = await browser.openPopup();
  await popup.waitFor(`document.querySelectorAll('.finding').length === ${n}`);
  await popup.evaluate(`document.querySelector('.finding .wrong').click()`);
  await popup.waitFor(`document.querySelector('.corrections [data-correction="hide"]')`);
  await popup.evaluate(`document.querySelector('.corrections [data-correction="hide"]').click()`);
  await browser.settleBadge(tabId, String(n - 1), { stableMs: 300 });
  await popup.waitFor(`document.querySelectorAll('.finding').length === ${n - 1}`);
  await browser.closePopup(popup);
  await page.bringToFront();
  await waitForMarks(page, n - 1);

  // The panel, by keyboard: click a chip, Tab to "This is wrong", open it, Tab to "Hide this post".
  const [target] = (await page.evaluate(probe)).filter((p) => p.hits > 0 && p.id !== 'plain');
  const box = await page.evaluate((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return { left: r.left, top: r.top };
  }, target.id);
  await page.mouse.click(box.left + target.x, box.top + target.y);
  for (const key of ['Tab', 'Tab', 'Enter', 'Tab', 'Tab', 'Enter']) await page.keyboard.press(key);
  await browser.settleBadge(tabId, String(n - 2), { stableMs: 300 });
  await waitForMarks(page, n - 2);

  // The options: both posts are listed. A backup of the settings carries them.
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const undo = options.locator('#corrections li button');
  await undo.first().waitFor();
  assert.equal(await undo.count(), 2, 'two hidden posts listed');
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Back up settings' }).click(),
  ]);
  const backup = join(await mkdtemp(join(tmpdir(), 'basira-backup-')), download.suggestedFilename());
  await download.saveAs(backup);
  assert.equal(JSON.parse(await readFile(backup, 'utf8')).settings.feedback.hidden.length, 2);

  // Undo on each brings the count back.
  await undo.first().click();
  await undo.first().click();
  await options.getByText('Nothing corrected yet.').waitFor();
  await browser.settleBadge(tabId, badge, { stableMs: 300 });

  // Restoring the backup hides both posts again, at once.
  await options.locator('[data-file="backup"] input[type="file"]').setInputFiles(backup);
  await options.locator('#backup').getByText('Settings restored from the file.').waitFor();
  assert.equal(await undo.count(), 2, 'the restored corrections are listed');
  await browser.settleBadge(tabId, String(n - 2), { stableMs: 300 });
  await options.close();
  await page.bringToFront();
  await waitForMarks(page, n - 2);
  await page.close();
});
