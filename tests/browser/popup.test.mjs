// The popup and the options page in real Chromium: the popup opened for a fixture page lists
// exactly the badge's findings, highlights what was matched, links each concern to catalogue
// sources, shows a post on the page, passes axe-core (light and dark), and renders right to left
// in Arabic (browser language and the manual override). Writes screenshots of what it checks to
// .output/screenshots/.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { useChromium } from '../harness/chromium.mjs';

const SHOTS = '.output/screenshots';
const GENERIC_URL = 'https://news.example.org/2025/ai-creator-deals';
const GENERIC_HTML = await readFile('tests/fixtures/pages/generic/ai-news-with-ads.html', 'utf8');
const AXE = await readFile('node_modules/axe-core/axe.min.js', 'utf8');
/** Every address in the source catalogue (utils/sources.ts). */
const CATALOGUE = new Set(
  [...(await readFile('utils/sources.ts', 'utf8')).matchAll(/url: '([^']+)'/g)].map((m) => m[1]),
);

await mkdir(SHOTS, { recursive: true });

/** Runs axe-core where `evaluate` evaluates; returns violations of impact serious or critical. */
async function axeViolations(evaluate) {
  await evaluate(`${AXE};true`);
  const violations = await evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    })))`,
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
const axeReport = (label, violations) =>
  `${label}: axe found serious or critical violations:\n${JSON.stringify(violations, null, 2)}`;

/**
 * Waits until the focused element satisfies `check` (focus moves in the frame after a view
 * changes); fails naming what had focus instead.
 */
async function focusReaches(page, check, what) {
  const ok = await page
    .waitForFunction(`(${check.toString()})(document.activeElement ?? document.body)`, null, {
      timeout: 5000,
    })
    .then(() => true)
    .catch(() => false);
  if (ok) return;
  const el = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
  assert.fail(`focus never reached ${what}; it is on ${el}`);
}

/** Opens a page (the generic fixture by default), waits for its badge, returns the page and tab. */
async function openFixture(browser, url = GENERIC_URL, html = GENERIC_HTML, badge = '2') {
  const { page, tabId } = await browser.open(url, html);
  assert.ok(tabId, 'active tab found');
  await browser.waitForBadge(tabId, typeof badge === 'function' ? badge : (t) => t === badge);
  return { page, tabId };
}

/**
 * Opens one corpus post as an article on a page of its own, waits for a badge of 1 and opens the
 * popup (for posts whose verdict the unit tests pin down).
 */
async function openCorpusPost(browser, lang, id) {
  const corpus = await readFile(`tests/corpus/${lang}.jsonl`, 'utf8');
  const post = corpus
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .find((r) => r.id === id);
  const escapeHtml = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paragraphs = post.text
    .split('\n\n')
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
  const html = `<!doctype html><html lang="${lang}"><head><title>${id}</title></head><body><main><article><h1>${id}</h1>${paragraphs}</article></main></body></html>`;
  await openFixture(browser, `https://blog.example.org/${id}`, html, '1');
  const popup = await browser.openPopup();
  await popup.waitFor(`document.querySelector('.status[data-state="done"]')`);
  return popup;
}

/** The popup's explanation line that contains `words`; fails listing the lines it has. */
async function cueLine(popup, words) {
  const lines = await popup.evaluate(
    `[...document.querySelectorAll('.cues')].flatMap((p) => p.textContent.split('\\n'))`,
  );
  const line = lines.find((l) => l.includes(words));
  assert.ok(line, `no line with "${words}"; the popup said: ${lines.join(' | ')}`);
  return line;
}

describe('popup and options in English', () => {
  const browser = useChromium();

  test('the popup lists exactly the badge, explains, links sources and shows the post', async () => {
    const { page, tabId } = await openFixture(browser);
    const badge = await browser.badge(tabId);
    const popup = await browser.openPopup();
    await popup.waitFor(`document.querySelector('.status[data-state="done"]')`);
    const count = await popup.evaluate(`document.querySelectorAll('.findings > li').length`);
    assert.equal(count, Number(badge.text), 'list length equals the badge number');
    assert.equal(await popup.evaluate(`document.querySelectorAll('.findings li').length`), count);
    assert.equal(await popup.evaluate(`document.querySelector('.status').dataset.count`), badge.text);
    assert.equal(await popup.evaluate(`document.querySelector('.status').textContent`), `${count} findings`);
    assert.equal(await popup.evaluate(`document.querySelector('.host').textContent`), 'news.example.org');
    assert.equal(await popup.evaluate('document.documentElement.dir'), 'ltr');

    // The matched words are <mark>s holding plain text, inside the post's own words.
    const marks = await popup.evaluate(
      `[...document.querySelectorAll('.snippet mark')].map((m) => [m.textContent, m.children.length])`,
    );
    assert.ok(marks.length > 0, 'cues are highlighted');
    for (const [text, children] of marks) {
      assert.ok(text.length > 0);
      assert.equal(children, 0);
    }
    const lines = await popup.evaluate(
      `[...document.querySelectorAll('.cues')].flatMap((p) => p.textContent.split('\\n'))`,
    );
    assert.ok(
      lines.some((l) => l.startsWith('• No disclosure found')),
      'the undisclosed item says what is missing',
    );

    await writeFile(`${SHOTS}/popup-en.png`, await popup.screenshot());

    // Concerns open on request; every link is a catalogue address that opens in a new tab.
    await popup.evaluate(`document.querySelectorAll('.disclose').forEach((b) => b.click()); true`);
    await popup.waitFor(`document.querySelectorAll('.concerns a').length > 0`);
    const links = await popup.evaluate(
      `[...document.querySelectorAll('.concerns a')].map((a) => ({ href: a.getAttribute('href'), target: a.target, rel: a.rel }))`,
    );
    assert.ok(links.length >= 5, `${links.length} source links`);
    for (const link of links) {
      assert.ok(CATALOGUE.has(link.href), `${link.href} is in the catalogue`);
      assert.match(link.href, /^https:\/\//);
      assert.equal(link.target, '_blank');
      assert.deepEqual(link.rel.split(' ').sort(), ['noopener', 'noreferrer']);
    }

    const violations = await axeViolations((e) => popup.evaluate(e));
    assert.deepEqual(violations, [], axeReport('popup (findings, details open)', violations));

    // "Show on page" reaches the content script, which outlines the post.
    await popup.evaluate(
      `document.querySelector('.findings > li[data-verdict="undisclosed"] .show').click(); true`,
    );
    await page.waitForFunction(
      () => document.querySelector('.promo-box')?.style.outline.includes('3px'),
      null,
      {
        timeout: 5000,
      },
    );

    // About Basira: the context, with its sources.
    await popup.evaluate(`[...document.querySelectorAll('.bar-actions button')][0].click(); true`);
    await popup.waitFor(`document.querySelector('.about')`);
    const about = await popup.evaluate(`document.querySelector('.about').textContent`);
    for (const fact of ['$500,000', '$100,000', 'half of US adults'])
      assert.ok(about.includes(fact), `About mentions ${fact}`);
    // A figure whose only source has no address is not stated (utils/sources.ts).
    assert.ok(!about.includes('$1 billion'), 'About states no figure it cannot cite');
    const aboutLinks = await popup.evaluate(
      `[...document.querySelectorAll('.about a')].map((a) => a.getAttribute('href'))`,
    );
    assert.ok(aboutLinks.length >= 2 && aboutLinks.every((h) => CATALOGUE.has(h)));
    const aboutViolations = await axeViolations((e) => popup.evaluate(e));
    assert.deepEqual(aboutViolations, [], axeReport('popup (about)', aboutViolations));

    await browser.closePopup(popup);
    await page.close();
    assert.deepEqual(browser.blockedBesidesFavicon(), [], 'no request left the machine');
  });

  test('a post that only reads like an ad: the badge counts it and the popup names the words', async () => {
    // A company's launch post that no phrase rule flags (the unit tests hold that premise), but
    // the ad-likeness model does: the cue travels the whole way, background to badge to popup.
    const popup = await openCorpusPost(browser, 'en', 'en-919');
    const line = await cueLine(popup, 'Reads like an ad as a whole');
    assert.match(line, /words such as \S/);
    assert.equal(await popup.evaluate(`document.querySelector('.chip').className`), 'chip chip-promotion');
  });

  test('marks on a feed', async () => {
    const feed = 'tests/fixtures/pages/x/feed-en.html';
    const spec = existsSync(feed.replace('.html', '.expect.json'))
      ? JSON.parse(await readFile(feed.replace('.html', '.expect.json'), 'utf8'))
      : null;
    const { page } =
      spec && existsSync(feed)
        ? await openFixture(browser, spec.url, await readFile(feed, 'utf8'), (t) => Number(t) > 0)
        : await openFixture(browser);
    if (spec) await page.waitForFunction(() => document.querySelectorAll('basira-mark').length > 0);
    // Saved fixtures carry no site CSS: a plain feed style makes the screenshot readable.
    await page.addStyleTag({
      content: `body { font: 15px/1.45 system-ui, sans-serif; max-width: 600px; margin: 0 auto; color: #0f1419 }
        svg { width: 20px; height: 20px } img { max-width: 48px; max-height: 48px }
        article, [data-testid="tweet"] { display: block; border-bottom: 1px solid #e1e8ed; padding: 16px 12px }
        [data-testid="cellInnerDiv"] { position: static !important; transform: none !important }
        * { background: transparent !important } [style*="padding-bottom"], [role="group"], img { display: none !important }
        nav, header, [role="banner"] { display: none }`,
    });
    await page.setViewportSize({ width: 900, height: 900 });
    await page.evaluate(() =>
      document.querySelector('basira-mark')?.parentElement?.scrollIntoView({ block: 'start' }),
    );
    await writeFile(`${SHOTS}/marks-feed.png`, await page.screenshot());
    await page.close();
  });

  test('options: saves at once, passes axe in light and dark, switches to Arabic', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.waitForSelector('h1');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
    const stored = () =>
      browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings ?? null);

    await page.click('[data-setting="marks"]');
    await page.waitForFunction(() => document.querySelector('.notice')?.textContent === 'Saved');
    assert.equal((await stored()).marks, false);
    await page.reload();
    await page.waitForSelector('h1');
    assert.equal(await page.isChecked('[data-setting="marks"]'), false, 'the change survives a reload');
    await page.click('[data-setting="marks"]');
    await page.waitForFunction(() => document.querySelector('[data-setting="marks"]').checked);

    await page.fill('#paused input', 'https://www.example.com/page');
    await page.click('#paused button[type="submit"]');
    await page.waitForSelector('#paused li[data-site="example.com"]');
    assert.deepEqual((await stored()).pausedSites, ['example.com']);

    // A phrase of one's own, so the screenshot shows a filled list too.
    await page.fill('[data-rules="phrases"] input', '#partenariat');
    await page.click('[data-rules="phrases"] button[type="submit"]');
    await page.waitForSelector('[data-rules="phrases"] li');
    await page.setViewportSize({ width: 900, height: 1400 });
    // The "Saved" note floats over the page; the screenshot is of the page itself.
    const hideNotice = await page.addStyleTag({ content: '.notice { visibility: hidden }' });
    await writeFile(`${SHOTS}/options-en.png`, await page.screenshot({ fullPage: true }));
    await hideNotice.evaluate((el) => el.remove());

    const light = await axeViolations((e) => page.evaluate(e));
    assert.deepEqual(light, [], axeReport('options (light)', light));
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await axeViolations((e) => page.evaluate(e));
    assert.deepEqual(dark, [], axeReport('options (dark)', dark));
    await page.emulateMedia({ colorScheme: 'light' });

    // The manual override loads the Arabic messages from the extension and turns the page around.
    await page.selectOption('#language-select', 'ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
    assert.equal(await page.textContent('h1'), 'إعدادات بصيرة');
    const { page: site, tabId } = await openFixture(browser);
    const popup = await browser.openPopup();
    await popup.waitFor(`document.querySelector('.status[data-state="done"]')`);
    assert.equal(await popup.evaluate('document.documentElement.dir'), 'rtl');
    assert.equal(await popup.evaluate(`document.querySelector('.status').textContent`), 'نتيجتان');
    await browser.closePopup(popup);
    await site.close();
    assert.ok(tabId);

    await page.selectOption('#language-select', 'auto');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    await page.click('#paused li[data-site="example.com"] button');
    await page.click('[data-rules="phrases"] li button');
    await page.waitForFunction(() => !document.querySelector('#paused li, [data-rules="phrases"] li'));
    await page.close();
  });

  test('a long feed: the real popup lists what the badge counts, and renders it fast', async () => {
    const posts = Array.from(
      { length: 200 },
      (_, i) =>
        `<div class="promo-box"><p>🚀 Tool ${i}: this AI writer is a total game changer. Use code SAVE${i} for 30% off!</p>` +
        `<a href="https://www.invideo.io/?ref=desk${i}">invideo.io</a></div>`,
    ).join('\n');
    const html = `<!doctype html><html lang="en"><head><title>Deals</title></head><body><aside id="sidebar">${posts}</aside></body></html>`;
    const { page, tabId } = await openFixture(
      browser,
      'https://deals.example.net/ai',
      html,
      (t) => Number(t) > 0,
    );
    // The page holds 200 flagged posts; wait until the badge stops moving, then compare.
    let badge = '';
    for (let stable = 0; stable < 8; ) {
      const text = (await browser.badge(tabId)).text;
      stable = text === badge ? stable + 1 : 0;
      badge = text;
      await new Promise((r) => setTimeout(r, 200));
    }
    // The real popup lists exactly what the badge counts.
    const popup = await browser.openPopup();
    await popup.waitFor(`document.querySelectorAll('.findings > li').length === ${Number(badge)}`);
    assert.equal(
      await popup.evaluate(`document.querySelectorAll('.findings > li').length`),
      Number(badge),
      'the list is the badge',
    );
    await browser.closePopup(popup);
    // Its speed, measured from outside the app: the popup page opened in a tab, watched from before
    // its first script by a MutationObserver, from the moment its shell is on screen (the state not
    // yet asked for) to the moment the whole list is in the DOM. Three fresh pages; the fastest
    // stands (the others may share the CPU with whatever else this machine runs).
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const tab = await browser.context.newPage();
      await tab.addInitScript(() => {
        const times = { shell: null, list: null };
        window.__basiraTimes = times;
        new MutationObserver(() => {
          const now = performance.now();
          if (times.shell === null && document.querySelector('.status')) times.shell = now;
          const n = document.querySelectorAll('.findings > li').length;
          if (n > 0 && n === Number(window.__expected)) times.list ??= now;
        }).observe(document, { subtree: true, childList: true, attributes: true });
      });
      await tab.addInitScript(`window.__expected = ${Number(badge)};`);
      await tab.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
      await tab.waitForFunction(() => window.__basiraTimes.list !== null);
      const t = await tab.evaluate(() => window.__basiraTimes);
      runs.push(Math.round(t.list - t.shell));
      await tab.close();
    }
    const listMs = Math.min(...runs);
    console.log(
      JSON.stringify({
        bench: 'popup-list-chromium',
        findings: Number(badge),
        shell_to_list_ms: listMs,
        runs,
      }),
    );
    // The budget covers asking the background for the state, its answer and the render of 200
    // findings (~130 ms here; the render alone is benchmarked in tests/bench/popup-render.ts).
    assert.ok(listMs < 250, `the full list was in the DOM ${listMs} ms after the popup's shell`);
    await page.close();
  });

  test('the popup in dark mode passes axe, and works from the keyboard with a visible focus', async () => {
    const { page, tabId } = await openFixture(browser);
    const tab = await browser.context.newPage();
    await tab.emulateMedia({ colorScheme: 'dark' });
    await tab.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await tab.waitForSelector('.status[data-state="done"]');

    // Tab reaches "About Basira" first; its focus ring shows; Enter opens the view and moves focus there.
    await tab.keyboard.press('Tab');
    await focusReaches(tab, (el) => el.textContent === 'About Basira', '"About Basira"');
    const focused = await tab.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, outline: style.outlineStyle, width: style.outlineWidth };
    });
    assert.deepEqual(focused, { text: 'About Basira', outline: 'solid', width: '2px' });
    await tab.keyboard.press('Enter');
    await tab.waitForSelector('.about');
    await focusReaches(tab, (el) => el.id === 'about-title', 'the About heading');
    await tab.keyboard.press('Tab');
    await focusReaches(tab, (el) => el.textContent === 'Back to findings', '"Back to findings"');
    await tab.keyboard.press('Enter');
    await tab.waitForSelector('.findings > li');
    await focusReaches(tab, (el) => el.textContent === 'About Basira', '"About Basira" again');

    // Every concerns toggle opens from the keyboard.
    const toggles = await tab.locator('.disclose').count();
    for (let i = 0; i < toggles; i++) {
      await tab.locator('.disclose').nth(i).focus();
      await tab.keyboard.press('Enter');
    }
    await tab.waitForSelector('.concerns a');
    await tab
      .waitForFunction(
        (n) => document.querySelectorAll('.disclose[aria-expanded="true"]').length === n,
        toggles,
        { timeout: 5000 },
      )
      .catch(async () => {
        const open = await tab.locator('.disclose[aria-expanded="true"]').count();
        assert.fail(`${open} of ${toggles} concerns toggles opened from the keyboard`);
      });

    const violations = await axeViolations((e) => tab.evaluate(e));
    assert.deepEqual(violations, [], axeReport('popup (dark)', violations));
    await browser.closePopup({ close: () => tab.close() });
    await page.close();
  });
});

describe('popup in Arabic', () => {
  const browser = useChromium({ lang: 'ar' });

  test('an Arabic post that only reads like an ad: the popup says so in Arabic', async () => {
    const popup = await openCorpusPost(browser, 'ar', 'ar-762');
    const line = await cueLine(popup, 'صياغته كلها صياغة إعلان');
    assert.match(line, /كلمات مثل \S/);
  });

  test('the browser language gives an Arabic, right-to-left popup', async () => {
    const { page } = await openFixture(browser);
    const popup = await browser.openPopup();
    await popup.waitFor(`document.querySelector('.status[data-state="done"]')`);
    assert.equal(await popup.evaluate('document.documentElement.dir'), 'rtl');
    assert.equal(await popup.evaluate('document.documentElement.lang'), 'ar');
    const status = await popup.evaluate(`document.querySelector('.status').textContent`);
    assert.equal(status, 'نتيجتان');
    const chips = await popup.evaluate(
      `[...document.querySelectorAll('.findings .chip')].map((c) => c.textContent)`,
    );
    assert.ok(chips.length === 2 && chips.every((c) => /[\u0600-\u06FF]/.test(c)), chips.join(', '));
    // The popup lays out from the right: the brand sits right of the buttons.
    const [brand, actions] = await popup.evaluate(
      `['.brand', '.bar-actions'].map((s) => document.querySelector(s).getBoundingClientRect().left)`,
    );
    assert.ok(brand > actions, 'mirrored header');
    // Page text keeps its own direction.
    assert.equal(await popup.evaluate(`document.querySelector('.snippet').getAttribute('dir')`), 'auto');
    await writeFile(`${SHOTS}/popup-ar.png`, await popup.screenshot());

    await popup.evaluate(`document.querySelectorAll('.disclose').forEach((b) => b.click()); true`);
    await popup.waitFor(`document.querySelectorAll('.concerns a').length > 0`);
    const violations = await axeViolations((e) => popup.evaluate(e));
    assert.deepEqual(violations, [], axeReport('popup (Arabic)', violations));
    await browser.closePopup(popup);
    await page.close();
  });
});
