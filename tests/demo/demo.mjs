// `npm run demo`: serves the bundled sample feed (tests/demo/feed.html, an invented X timeline) at
// https://x.com/home and opens Chromium with Basira loaded on it. Headful when a display exists;
// otherwise headless, writing screenshots of the page and of the popup to .output/demo/.
//
// `npm run screenshots` (`--screenshots`): writes the README's images to tests/screenshots/ —
// marks-feed.png (the feed with Basira's marks), popup-en.png and popup-ar.png (the real popup in
// English, and in a browser whose language is Arabic) and flow.png (badge → popup → "Show on page"
// → the mark's panel).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { EXTENSION_DIR, launch } from '../harness/chromium.mjs';
import { expectedFromCli } from '../harness/cli.mjs';
import { seedLedger } from '../harness/ledger.mjs';
import { waitForMarks } from '../harness/marks.mjs';

const FEED_URL = 'https://x.com/home';
const FEED = await readFile(new URL('./feed.html', import.meta.url), 'utf8');
const SHOTS = 'tests/screenshots';
const screenshots = process.argv.includes('--screenshots');
const headful = !screenshots && Boolean(process.env.DISPLAY) && !process.env.CI;
/** What the extension should show on the feed, read by the CLI (the same engine). */
const expected = expectedFromCli(FEED, FEED_URL);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Opens the feed, waits until the badge settles and every mark is drawn, and returns to the top. */
async function openFeed(browser) {
  const { page, tabId } = await browser.open(FEED_URL, FEED);
  await browser.settleBadge(tabId, expected.badge, { timeout: 30_000 });
  await waitForMarks(page, expected.count);
  await page.evaluate(() => scrollTo(0, 0));
  await sleep(400); // the chips are placed in the frames after a scroll
  return { page, tabId };
}

/** Opens the popup and waits until its list holds every finding, fonts loaded. */
async function openPopup(browser) {
  const popup = await browser.openPopup();
  await popup.waitFor(
    `document.querySelector('.status[data-state="done"]') && document.querySelectorAll('.findings > li').length === ${expected.count}`,
    15_000,
  );
  await popup.evaluate('document.fonts.ready.then(() => true)');
  await sleep(200);
  return popup;
}

/** The index, among the page's articles, of the post whose text includes `words`. */
const postIndex = (page, words) =>
  page.evaluate(
    (w) => [...document.querySelectorAll('article')].findIndex((a) => a.textContent.includes(w)),
    words,
  );

/**
 * Where a post's mark is on screen: the chip lives in a closed shadow root, so it is found as a
 * person finds it, by what the page shows at each point of the post.
 */
const chipPoint = (page, index) =>
  page.evaluate((i) => {
    const r = document.querySelectorAll('article')[i].getBoundingClientRect();
    const hits = [];
    for (let x = r.left + 1; x < r.right; x += 2)
      for (let y = Math.max(0, r.top + 1); y < Math.min(innerHeight, r.bottom); y += 2)
        if (document.elementFromPoint(x, y)?.localName === 'basira-mark') hits.push([x, y]);
    if (hits.length === 0) return null;
    const mean = (k) => hits.reduce((s, h) => s + h[k], 0) / hits.length;
    return { x: mean(0), y: mean(1) };
  }, index);

/** A clip of the timeline around a post, `extraBelow` pixels taller (for a panel that overflows it). */
const postClip = (page, index, extraBelow = 0) =>
  page.evaluate(
    ([i, extra]) => {
      const r = document.querySelectorAll('article')[i].getBoundingClientRect();
      const main = document.querySelector('main').getBoundingClientRect();
      return { x: main.left, y: Math.max(0, r.top - 8), width: main.width, height: r.height + 16 + extra };
    },
    [index, extraBelow],
  );

const dataUrl = (png) => `data:image/png;base64,${png.toString('base64')}`;

/**
 * The steps as one small image: the toolbar button with the badge the extension set (headless
 * Chromium draws no toolbar, so it is drawn here from the real badge text, colour and tooltip over
 * the real page), the popup, the post "Show on page" scrolled to, and the mark's panel.
 */
async function flowImage(browser, { badge, pagePng, popupPng, shownPng, panelPng }) {
  const icon = await readFile(`${EXTENSION_DIR}/icon/48.png`);
  const [r, g, b] = badge.color;
  const step = (n, caption, body) =>
    `<figure><figcaption><b>${n}</b>${caption}</figcaption><div class="frame">${body}</div></figure>`;
  const html = `<!doctype html><meta charset="utf-8"><style>
    body { margin: 0; background: #fff; font: 15px/1.35 system-ui, "Noto Sans", sans-serif; color: #1b1b1f; }
    .flow { display: grid; grid-template-columns: 420px 420px; gap: 16px 18px; padding: 14px; width: max-content; }
    figure { margin: 0; }
    figcaption { margin-bottom: 8px; display: flex; align-items: center; gap: 8px; }
    figcaption b { display: inline-grid; place-items: center; width: 22px; height: 22px; border-radius: 50%;
      background: #1b1b1f; color: #fff; font-size: 13px; flex: none; }
    .frame { position: relative; border: 1px solid #d5d7de; border-radius: 10px; overflow: hidden; height: 280px; background: #fff; }
    .frame > img { display: block; width: 100%; }
    .frame > img.popup { width: auto; max-width: 100%; margin: 0 auto; }
    .toolbar { display: flex; align-items: center; gap: 10px; padding: 8px 12px; background: #f1f3f4; border-bottom: 1px solid #d5d7de; }
    .omnibox { flex: 1; height: 30px; border-radius: 15px; background: #fff; color: #5f6368; display: flex; align-items: center; padding: 0 12px; }
    .button { position: relative; width: 32px; height: 32px; border-radius: 50%; background: #dfe1e5; }
    .button img { width: 24px; height: 24px; margin: 4px; }
    .badge { position: absolute; right: -7px; bottom: -4px; min-width: 18px; padding: 0 4px; border-radius: 4px;
      background: rgb(${r} ${g} ${b}); color: #fff; font: 700 12px/16px system-ui, sans-serif; text-align: center; }
    .tip { position: absolute; right: 10px; top: 54px; padding: 6px 10px; background: #3c4043; color: #fff;
      border-radius: 4px; font-size: 13px; box-shadow: 0 2px 6px rgba(0,0,0,.3); }
  </style><div class="flow">
    ${step(1, 'The badge counts the AI promotion on the page', `<div class="toolbar"><div class="omnibox">x.com/home</div><div class="button"><img src="${dataUrl(icon)}" alt=""><span class="badge">${badge.text}</span></div></div><img src="${dataUrl(pagePng)}" alt=""><div class="tip">${badge.title}</div>`)}
    ${step(2, 'Its popup lists each post and why', `<img class="popup" src="${dataUrl(popupPng)}" alt="">`)}
    ${step(3, '“Show on page” scrolls to the post', `<img src="${dataUrl(shownPng)}" alt="">`)}
    ${step(4, 'The post’s mark opens the reasons in place', `<img src="${dataUrl(panelPng)}" alt="">`)}
  </div>`;
  const page = await browser.context.newPage();
  await page.setContent(html);
  await page.evaluate(() => document.fonts.ready);
  const png = await page.locator('.flow').screenshot();
  await page.close();
  return png;
}

async function englishShots() {
  const browser = await launch({ headless: true, lang: 'en' });
  try {
    const { page, tabId } = await openFeed(browser);
    const badge = await browser.badge(tabId);
    const left = browser.blockedBesidesFavicon().map((r) => r.url);
    if (left.length > 0) throw new Error(`the sample feed asked the network for ${left.join(', ')}`);
    // The timeline from its first post, under the sticky tabs, as after a short scroll.
    await page.evaluate(() => {
      const first = document.querySelector('[data-testid="cellInnerDiv"]').getBoundingClientRect().top;
      scrollTo(0, first - document.querySelector('.top').getBoundingClientRect().height);
    });
    await sleep(400);
    const pagePng = await page.screenshot();
    await writeFile(`${SHOTS}/marks-feed.png`, pagePng);

    const popup = await openPopup(browser);
    const popupPng = await popup.screenshot();
    await writeFile(`${SHOTS}/popup-en.png`, popupPng);

    // "Show on page" on the first undisclosed finding: the page scrolls to the post and outlines it.
    const undisclosed = expected.items.find((i) => i.verdict === 'undisclosed');
    await popup.evaluate(
      `document.querySelector('.finding[data-id="${undisclosed.id}"] .show').click(), true`,
    );
    await sleep(1200); // the smooth scroll
    const index = await postIndex(page, undisclosed.excerpt.slice(0, 40));
    if (index < 0) throw new Error('the undisclosed post is not on the page');
    const shownPng = await page.screenshot({ clip: await postClip(page, index) });
    await browser.closePopup(popup);
    await page.bringToFront();
    await sleep(2600); // the outline fades

    // Its mark, clicked: the panel opens beside it.
    const at = await chipPoint(page, index);
    if (!at) throw new Error('no mark found on the post');
    await page.mouse.click(at.x, at.y);
    await sleep(300);
    const panelPng = await page.screenshot({ clip: await postClip(page, index, 120) });

    await writeFile(
      `${SHOTS}/flow.png`,
      await flowImage(browser, { badge, pagePng, popupPng, shownPng, panelPng }),
    );
    return badge;
  } finally {
    await browser.close();
  }
}

/** Arabic: a browser whose language is Arabic, so Basira's language ("auto") is Arabic. */
async function arabicShot() {
  const browser = await launch({ headless: true, lang: 'ar' });
  try {
    await openFeed(browser);
    const popup = await openPopup(browser);
    if ((await popup.evaluate('document.documentElement.dir')) !== 'rtl')
      throw new Error('the Arabic popup is not right to left');
    // The list scrolled to the first Arabic post: Arabic explanations of Arabic words.
    const arabic = expected.items.find(
      (i) => i.verdict === 'undisclosed' && /[\u0600-\u06FF]/.test(i.excerpt),
    );
    await popup.evaluate(
      `document.querySelector('.finding[data-id="${arabic.id}"]').scrollIntoView({ block: 'start' }), true`,
    );
    await sleep(200);
    await writeFile(`${SHOTS}/popup-ar.png`, await popup.screenshot());
  } finally {
    await browser.close();
  }
}

/**
 * The insights page over a month of invented memory: a few creators, the AI products they push,
 * how often they disclosed. Written into the ledger directly (tests/harness/ledger.mjs).
 */
function demoLedger(now = Date.now()) {
  const creators = [
    ['@maya.makes', 'instagram', 'HeyGen', 0.15],
    ['@samiracodes', 'x', 'ElevenLabs', 0.4],
    ['@omar.tech.eg', 'x', 'Gamma', 0.1],
    ['@jordan.ai', 'tiktok', 'Descript', 0.3],
    ['Priya Builds', 'youtube', 'Notion AI', 0.8],
    ['@noura.daily', 'instagram', 'Synthesia', 0.2],
    ['Rana Haddad', 'linkedin', 'Otter.ai', 0.5],
    ['u/deskwizard', 'reddit', 'Perplexity', 0],
  ];
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const entries = [];
  for (let day = 0; day < 30; day++) {
    for (const [author, platform, product, disclosed] of creators) {
      if (random() > 0.45) continue;
      const verdict = random() < disclosed ? 'sponsored' : random() < 0.7 ? 'undisclosed' : 'promotion';
      const i = entries.length;
      entries.push({
        key: `${platform}|demo|${i}`,
        date: now - day * 86_400_000 - Math.floor(random() * 36_000_000),
        platform,
        host: `${platform}.com`,
        postId: `demo-${i}`,
        author,
        verdict,
        topic: 'ai',
        ties: [{ brand: product, kind: verdict === 'sponsored' ? 'label' : 'affiliate-link' }],
        products: [product],
        cueKinds: ['ai-product'],
        rules: [],
      });
    }
  }
  return entries;
}

async function insightsShot() {
  const browser = await launch({ headless: true });
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 900, height: 1500 });
    await page.goto(`chrome-extension://${browser.extensionId}/insights.html`);
    await page.locator('.card.empty').waitFor();
    await seedLedger(page, demoLedger());
    await page.reload();
    await page.locator('.creators li').first().waitFor();
    await writeFile(`${SHOTS}/insights.png`, await page.locator('.insights').screenshot());
  } finally {
    await browser.close();
  }
}

if (screenshots) {
  await mkdir(SHOTS, { recursive: true });
  const badge = await englishShots();
  await arabicShot();
  await insightsShot();
  console.log(`Basira on ${FEED_URL}: badge "${badge.text}" (${badge.title})`);
  const written = ['marks-feed', 'popup-en', 'popup-ar', 'flow', 'insights'].map((n) => `${SHOTS}/${n}.png`);
  console.log(`Written: ${written.join(', ')}`);
} else {
  const browser = await launch({ headless: !headful });
  browser.serve(FEED_URL, FEED);
  const page = await browser.context.newPage();
  await page.goto(FEED_URL);
  const tabId = await browser.activeTabId(page);
  const badge = await browser.waitForBadge(tabId, (t) => t !== '', 20_000).catch(() => ({ text: '' }));
  console.log(`Basira on ${FEED_URL}: badge "${badge.text}"`);

  if (headful) {
    console.log('Chromium is open with Basira loaded. Close the window to end the demo.');
    await new Promise((resolve) => browser.context.on('close', resolve));
  } else {
    await mkdir('.output/demo', { recursive: true });
    await page.screenshot({ path: '.output/demo/page.png', fullPage: false });
    const popup = await browser.openPopup();
    await popup.waitFor(`document.querySelector('.status[data-state="done"]')`).catch(() => undefined);
    await writeFile('.output/demo/popup.png', await popup.screenshot());
    console.log('Screenshots: .output/demo/page.png, .output/demo/popup.png');
    await browser.close();
  }
}
