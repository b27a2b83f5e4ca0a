// Hostile and odd pages in Chromium with the built extension: a 10 MB text node, 100,000
// elements, nesting 5,000 deep, 1,000 mutations a second for 5 seconds, iframes, open shadow
// roots, mixed right-to-left and left-to-right text, and every evasion in PLATFORMS.md. On each:
// Basira never throws into the page (page errors, console errors and exceptions of every world,
// its own included), never blocks it (the page's own 10 ms heartbeat never stalls for 200 ms;
// the same page without Basira is the baseline), and ends with the badge, marks and verdicts the
// `scan` CLI gives for the same markup.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { useChromium } from '../harness/chromium.mjs';
import { expectedFromCli } from '../harness/cli.mjs';
import { watchErrors } from '../harness/errors.mjs';
import { escapeHtml, xFeedHtml, xFeedOf, xPost } from '../harness/feeds.mjs';
import { expectSameAsCli, heartbeat, hostileCases, SETTLED_MS } from '../harness/hostile.mjs';
import { allMarks } from '../harness/marks.mjs';
import {
  HEARTBEAT,
  HEARTBEAT_START,
  heartbeatPage,
  heartbeatXPage,
  PLAIN,
  PROMO,
} from '../harness/pages.mjs';

const browser = useChromium();
const bare = useChromium({ extension: false });
const { measured, openCase, expectWellBehaved } = hostileCases(browser, bare);
after(() => {
  console.log(`hostile pages, measured:\n${measured.map((m) => JSON.stringify(m)).join('\n')}`);
});

describe('the error watcher sees Basira', () => {
  test('an exception thrown in the content script world is caught and attributed', async () => {
    const url = 'https://news.example.org/probe';
    const html = heartbeatPage(`<article><p>${PROMO[0]}</p></article>`);
    const { page: p, tabId, prepared: watch } = await browser.open(url, html, { prepare: watchErrors });
    await browser.settleBadge(tabId, '1', { timeout: 15_000, stableMs: 200 });
    await watch.inBasiraWorld(
      `setTimeout(() => { throw new Error('probe from the extension world'); }, 0); 1`,
    );
    await sleep(300);
    assert.equal(watch.basira().length, 1, JSON.stringify(watch.errors));
    assert.match(watch.basira()[0].text, /probe from the extension world/);
    await p.close();
  });
});

describe('hostile pages', () => {
  test('a 10 MB text node', async () => {
    const url = 'https://news.example.org/2025/huge';
    const words = `${PLAIN[0]} ${PLAIN[3]} `;
    const huge = words.repeat(Math.ceil((10 * 1024 * 1024) / words.length)).slice(0, 10 * 1024 * 1024);
    // The browser page builds the node in script (one text node); the CLI reads the same text inline.
    // Below the fold with content-visibility, as long pages do: the browser skips laying out the
    // 10 MB, so any stall is reading it, not the page's own layout.
    const body = (text) =>
      `<main><article><p>${PROMO[0]}</p></article><article><p>${PROMO[1]}</p></article><div style="height:3000px"></div>` +
      `<article id="huge" style="content-visibility:auto;contain-intrinsic-size:auto 50000px"><p id="t">${text}</p></article></main>`;
    const html = heartbeatPage(
      `${body('')}<script>document.getElementById('t').textContent = ${JSON.stringify(words)}.repeat(${Math.ceil(
        (10 * 1024 * 1024) / words.length,
      )}).slice(0, ${10 * 1024 * 1024});</script>`,
    );
    const { items, count, badge } = expectedFromCli(heartbeatPage(body(escapeHtml(huge))), url);
    assert.equal(count, 2);
    const c = await openCase('10 MB text node', url, html, badge, { timeout: 120_000 });
    assert.equal(
      await c.page.evaluate(() => document.getElementById('t').firstChild.length),
      10 * 1024 * 1024,
    );
    await expectSameAsCli(browser, c.tabId, items);
    await expectWellBehaved(c);
  });

  test('100,000 elements', async () => {
    const url = 'https://blog.example.org/archive';
    // 1,999 articles of 24 elements each, and one article of 52,000 spans: 100,000 elements.
    const article = (i) =>
      `<article id="a${i}"><header><h2><a href="/p/${i}">Post ${i}</a></h2><small>by <span>Author ${i % 37}</span></small></header>` +
      `<div class="body"><p>${escapeHtml(i % 7 === 0 ? PROMO[i % PROMO.length] : PLAIN[i % PLAIN.length])}</p>` +
      `${'<span class="tag">tag</span>'.repeat(12)}</div><footer><ul><li>a</li><li>b</li><li>c</li></ul></footer></article>`;
    const spans = Array.from(
      { length: 52_000 },
      (_, i) => `<span>${i % 500 === 0 ? 'AI' : 'word'}</span>`,
    ).join(' ');
    const body = `<main>${Array.from({ length: 1_999 }, (_, i) => article(i)).join('')}<article id="soup"><p>${spans}</p></article></main>`;
    const html = heartbeatPage(body);
    const { items, count, badge } = expectedFromCli(html, url);
    const c = await openCase('100,000 elements', url, html, badge, { timeout: 120_000 });
    const elements = await c.page.evaluate(() => document.getElementsByTagName('*').length);
    assert.ok(elements >= 100_000, `${elements} elements`);
    c.m.elements = elements;
    await expectSameAsCli(browser, c.tabId, items);
    assert.equal(await allMarks(c.page), count);
    await expectWellBehaved(c);
  });

  test('nesting 5,000 deep', async () => {
    const url = 'https://deep.example.org/page';
    const DEPTH = 5_000;
    // Inline elements: Chromium's own renderer crashes laying out 5,000 nested block <div>s,
    // with or without Basira (measured), so the chains are <span>s.
    const nested = (inner) => `${'<span>'.repeat(DEPTH)}${inner}${'</span>'.repeat(DEPTH)}`;
    const inside = `<article id="deep-post"><p>${PROMO[0]}</p></article>`;
    const deepText = `<article id="deep-text">${nested(`<p>${PROMO[3]}</p>`)}</article>`;
    // HTML parsers cap nesting (Chromium at 512): the page builds the chains with the DOM API.
    const build = `<script>
      const chain = (root, depth) => { let el = root; for (let i = 0; i < depth; i++) el = el.appendChild(document.createElement('span')); return el; };
      chain(document.getElementById('slot1'), ${DEPTH}).innerHTML = ${JSON.stringify(inside)};
      const a = document.createElement('article'); a.id = 'deep-text';
      chain(a, ${DEPTH}).innerHTML = ${JSON.stringify(`<p>${PROMO[3]}</p>`)};
      document.getElementById('slot2').appendChild(a);
    </script>`;
    const html = heartbeatPage(
      `<main><article><p>${PLAIN[1]}</p></article><div id="slot1"></div><div id="slot2"></div></main>${build}`,
    );
    const { items, count, badge } = expectedFromCli(
      heartbeatPage(
        `<main><article><p>${PLAIN[1]}</p></article><div id="slot1">${nested(inside)}</div><div id="slot2">${deepText}</div></main>`,
      ),
      url,
    );
    assert.equal(count, 2, `the CLI reads both deep posts: ${JSON.stringify(items.map((i) => i.verdict))}`);
    const c = await openCase('nesting 5,000 deep', url, html, badge);
    const depth = await c.page.evaluate(() => {
      let d = 0;
      for (let el = document.getElementById('deep-post'); el; el = el.parentElement) d++;
      return d;
    });
    assert.ok(depth > 5_000, `the post sits ${depth} elements deep`);
    await expectSameAsCli(browser, c.tabId, items);
    await expectWellBehaved(c);
  });

  test('1,000 mutations a second for 5 seconds, in an X-like feed, then a final state', async () => {
    const url = 'https://x.com/home';
    const INITIAL = 60;
    const pool = [...PROMO, ...PLAIN].map(escape);
    const storm = `
      let seed = 7;
      const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
      const pool = ${JSON.stringify(pool)};
      const feed = document.getElementById('feed');
      const posts = () => [...feed.querySelectorAll('article[data-testid="tweet"]')];
      const detached = [];
      let next = ${INITIAL};
      let mutations = 0;
      const started = performance.now();
      const step = () => {
        const all = posts();
        const p = all[rand(all.length)];
        const text = p.querySelector('[data-testid="tweetText"] span');
        switch (rand(8)) {
          case 0: text.textContent = pool[rand(pool.length)]; break;                    // edit text
          case 1: text.firstChild && (text.firstChild.data += ' more'); break;          // characterData
          case 2: { const cell = p.closest('[data-testid="cellInnerDiv"]'); cell.remove(); detached.push(cell); break; } // scrolled away
          case 3: if (detached.length) feed.append(detached.shift()); break;             // scrolled back
          case 4: p.setAttribute('data-x', String(rand(1e6))); break;                    // attributes
          case 5: { const f = document.createElement('div'); f.textContent = 'filler'; p.append(f); setTimeout(() => f.remove(), 5); break; }
          case 6: { const box = document.createElement('div'); box.innerHTML = ${JSON.stringify(xPost(0))}
              .replaceAll('/status/1000000', '/status/' + (2000000 + next)).replaceAll('User 0', 'User ' + next++);
            feed.append(box.firstElementChild); break; }                                  // new post
          default: { const cell = p.closest('[data-testid="cellInnerDiv"]');              // re-render a post
            cell.innerHTML = cell.innerHTML.replace(/<basira-mark[^>]*><\\/basira-mark>/g, ''); }
        }
        mutations++;
      };
      const timer = setInterval(() => {
        // One mutation per elapsed millisecond, whatever the timer's real cadence.
        const due = Math.min(5000, Math.floor(performance.now() - started));
        while (mutations < due) step();
        if (performance.now() - started >= 5000) {
          clearInterval(timer);
          for (const cell of detached) feed.append(cell);
          // The final state: every post's text set from its status id.
          for (const p of posts()) {
            const id = Number(p.querySelector('a[href*="/status/"]').getAttribute('href').split('/').pop());
            p.querySelector('[data-testid="tweetText"] span').textContent = pool[id % pool.length];
          }
          window.__mutations = mutations;
          window.__finalFeed = feed.innerHTML.replace(/<basira-mark[^>]*><\\/basira-mark>/g, '');
          document.title = 'done';
        }
      }, 10);`;
    const html = xFeedHtml(INITIAL, { script: storm, head: HEARTBEAT, tail: HEARTBEAT_START });
    bare.serve(url, html);
    const {
      page: p,
      tabId,
      prepared: watch,
      started,
    } = await browser.open(url, html, { prepare: watchErrors });
    await p.waitForFunction(() => document.title === 'done', null, { timeout: 30_000 });
    const { mutations, finalFeed } = await p.evaluate(() => ({
      mutations: window.__mutations,
      finalFeed: window.__finalFeed,
    }));
    assert.equal(mutations, 5_000, `${mutations} mutations`);
    const { items, count, badge } = expectedFromCli(xFeedOf(finalFeed), url);
    assert.ok(count > 5, `the final feed has flagged posts (${count})`);
    const badgeAt = await browser.settleBadge(tabId, badge, { timeout: 30_000, stableMs: SETTLED_MS });
    const withBasira = await heartbeat(p);
    const q = await bare.context.newPage();
    await q.bringToFront();
    await q.goto(url);
    await q.waitForFunction(() => document.title === 'done', null, { timeout: 30_000 });
    await sleep(Math.max(1_000, badgeAt - started - 5_000));
    const without = await heartbeat(q);
    await q.close();
    await p.bringToFront();
    const m = {
      case: '1,000 mutations/s for 5 s (X feed)',
      mutations,
      badge,
      toBadgeMs: badgeAt - started,
      maxGapMs: withBasira.max,
      baselineMaxGapMs: without.max,
      gaps: withBasira.gaps.slice(0, 8),
    };
    measured.push(m);
    await expectSameAsCli(browser, tabId, items);
    await expectWellBehaved({ page: { close: async () => undefined }, watch, withBasira, without, m });
    // Marks recover too: exactly the flagged posts carry one, re-rendered posts included.
    const marked = await allMarks(p);
    assert.equal(marked, count, 'one mark per flagged post after the storm');
    await p.close();
  });

  test('a post re-rendered with the same text gets its mark back', async () => {
    const url = 'https://x.com/home';
    const script = `window.rerender = () => {
      const cell = document.querySelector('[data-testid="cellInnerDiv"]');
      cell.innerHTML = cell.innerHTML.replace(/<basira-mark[^>]*><\\/basira-mark>/g, '');
    };`;
    const html = heartbeatXPage(xPost(0, { lang: 'en', text: PROMO[0], links: [] }), script);
    const { count } = expectedFromCli(html, url);
    assert.equal(count, 1);
    const c = await openCase('re-rendered post', url, html, '1');
    await c.page.waitForFunction(() => document.querySelectorAll('basira-mark').length === 1);
    // X and React rebuild a post's subtree (or the whole cell) while scrolling: same post, new nodes.
    await c.page.evaluate(() => window.rerender());
    await sleep(1_500);
    assert.equal((await browser.badge(c.tabId)).text, '1');
    assert.equal(
      await c.page.evaluate(() => document.querySelectorAll('basira-mark').length),
      1,
      'the re-rendered post is marked again',
    );
    await expectWellBehaved(c);
  });

  test('iframes: same-origin and srcdoc frames holding posts', async () => {
    const url = 'https://news.example.org/2025/frames';
    const framed = heartbeatPage(
      `<article><p>${PROMO[0]}</p></article><article><p>${PROMO[2]}</p></article>`,
    );
    const html = heartbeatPage(
      `<main><article><p>${PROMO[1]}</p></article><article><p>${PLAIN[0]}</p></article>
      <iframe id="same" src="/frame"></iframe>
      <iframe id="doc" srcdoc="${escapeHtml(framed)}"></iframe></main>
      <script>
        // The frames keep changing while Basira scans the top page.
        let n = 0;
        const t = setInterval(() => {
          for (const f of document.querySelectorAll('iframe')) {
            const d = f.contentDocument;
            if (d?.body) d.body.insertAdjacentHTML('beforeend', '<article><p>${escapeHtml(PROMO[3])} ' + n++ + '</p></article>');
          }
          if (n > 100) clearInterval(t);
        }, 20);
      </script>`,
    );
    // Basira reads the top document only (content script without all_frames): the CLI on this
    // same HTML, which cannot see inside frames either, is the expectation.
    const { items, count, badge } = expectedFromCli(html, url);
    assert.equal(count, 1);
    const c = await openCase('iframes', url, html, badge, {
      routes: { 'https://news.example.org/frame': framed },
    });
    await expectSameAsCli(browser, c.tabId, items);
    const frameMarks = await c.page.evaluate(() =>
      [...document.querySelectorAll('iframe')].map(
        (f) => f.contentDocument?.querySelectorAll('basira-mark').length,
      ),
    );
    assert.deepEqual(frameMarks, [0, 0], 'frames are not scanned (top frame only)');
    await expectWellBehaved(c);
  });

  test('open shadow roots: Reddit posts with attributes, slotted text and shadow text', async () => {
    const url = 'https://www.reddit.com/r/artificial/';
    const define = `<script>
      // shreddit-post renders its chrome in an open shadow root and slots the light-DOM body.
      customElements.define('shreddit-post', class extends HTMLElement {
        connectedCallback() {
          if (this.shadowRoot) return;
          const root = this.attachShadow({ mode: 'open' });
          root.innerHTML = '<div class="chrome"><h3 part="title"></h3><slot name="text-body"></slot><slot></slot></div>';
          root.querySelector('h3').textContent = this.getAttribute('post-title') ?? '';
        }
      });
      // A body whose words live only in its own open shadow root.
      customElements.define('rd-body', class extends HTMLElement {
        connectedCallback() {
          if (this.shadowRoot) return;
          this.attachShadow({ mode: 'open' }).innerHTML = '<p>' + this.dataset.text + '</p>';
        }
      });
    </script>`;
    const post = (id, title, body, extra = '') =>
      `<shreddit-post id="${id}" post-title="${escapeHtml(title)}" author="u${id}" permalink="/r/artificial/comments/${id}/x/" ${extra}>${body}</shreddit-post>`;
    const light = (text) => `<div slot="text-body"><p>${escapeHtml(text)}</p></div>`;
    const posts = [
      post('t3_a1', 'Which AI writer do you use?', light(PROMO[0])),
      post('t3_a2', PLAIN[1], light(PLAIN[0])),
      post(
        't3_a3',
        'My notes app routine',
        `<rd-body slot="text-body" data-text="${escapeHtml(PROMO[1])}"></rd-body>`,
      ),
      post('t3_a4', PLAIN[3], `<rd-body slot="text-body" data-text="${escapeHtml(PLAIN[2])}"></rd-body>`),
      `<shreddit-ad-post id="t3_ad" post-title="${escapeHtml('Meet Jasper, the AI copilot for marketing teams')}"><div slot="text-body"><p>Write on-brand content 10x faster.</p></div></shreddit-ad-post>`,
    ];
    const html = heartbeatPage(`${define}<shreddit-feed>${posts.join('\n')}</shreddit-feed>`, {
      canonical: url,
    });
    // The static equivalent: shadow text inlined where the browser's text reader finds it.
    const inlined = html.replace(
      /<rd-body slot="text-body" data-text="([^"]*)"><\/rd-body>/g,
      '<div slot="text-body"><p>$1</p></div>',
    );
    const { items, count, badge } = expectedFromCli(inlined, url);
    assert.equal(count, 3, 'two posts and the ad');
    const c = await openCase('open shadow roots (Reddit)', url, html, badge);
    assert.equal(await c.page.evaluate(() => document.querySelectorAll('shreddit-post').length), 4);
    await expectSameAsCli(browser, c.tabId, items);
    await expectWellBehaved(c);
  });

  test('posts inside open shadow roots are found, as the page renders them', async () => {
    const url = 'https://news.example.org/2025/app-shell';
    const articles = (texts) => texts.map((t) => `<article><p>${escapeHtml(t)}</p></article>`).join('');
    const first = articles([PROMO[0], PLAIN[0]]);
    const later = articles([PROMO[2], PLAIN[3]]);
    const widget = articles([PROMO[1]]);
    // An app shell (a web component) renders the feed inside its open shadow root; later it
    // appends more posts there, and a widget with its own shadow root joins the page.
    const html = heartbeatPage(
      `<app-shell></app-shell><script>
        const root = document.querySelector('app-shell').attachShadow({ mode: 'open' });
        root.innerHTML = '<main>' + ${JSON.stringify(first)} + '</main>';
        setTimeout(() => {
          root.querySelector('main').insertAdjacentHTML('beforeend', ${JSON.stringify(later)});
          const w = document.createElement('promo-widget');
          w.attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(widget)};
          document.body.append(w);
        }, 1500);
      </script>`,
    );
    const { items, count, badge } = expectedFromCli(
      heartbeatPage(
        `<app-shell><main>${first}${later}</main></app-shell><promo-widget>${widget}</promo-widget>`,
      ),
      url,
    );
    assert.equal(count, 3);
    const c = await openCase('posts inside open shadow roots', url, html, badge, { timeout: 20_000 });
    await expectSameAsCli(browser, c.tabId, items);
    // Each flagged post carries its mark, inside the shadow tree that holds it.
    const marks = await c.page.evaluate(() => {
      const shell = document.querySelector('app-shell').shadowRoot;
      const widget = document.querySelector('promo-widget').shadowRoot;
      return [shell, widget].map((r) => r.querySelectorAll('basira-mark').length);
    });
    assert.deepEqual(marks, [2, 1]);
    await expectWellBehaved(c);
  });

  test('mixed right-to-left and left-to-right text in one post', async () => {
    const url = 'https://x.com/home';
    const texts = [
      'جربت Jasper AI اليوم 🔥 it writes my captions في دقيقة. استخدموا كود SAVE20 للخصم',
      '\u202Bبرعاية\u202C Synthesia — \u2067make AI videos\u2069 في دقائق، جربوه مجانا',
      'Claude vs ChatGPT: مقارنة هادئة بين الأداتين، \u200Fبدون أي روابط أو أكواد\u200E. My honest notes.',
      '#إعلان Notion AI \u202Etxet desrever\u202C يساعدني في تنظيم ملاحظاتي',
    ];
    const feed = texts
      .map((text, i) => xPost(500 + i, { lang: i % 2 ? 'ar' : 'en', text, links: [] }))
      .join('');
    const html = heartbeatXPage(feed);
    const { items, badge } = expectedFromCli(html, url);
    const verdicts = items.map((i) => i.verdict);
    assert.equal(verdicts[0], 'undisclosed', `mixed post with a code: ${verdicts}`);
    assert.equal(verdicts[1], 'sponsored', `Arabic disclosure inside bidi embedding: ${verdicts}`);
    assert.equal(verdicts[3], 'sponsored', `#إعلان with reversed Latin: ${verdicts}`);
    const c = await openCase('mixed RTL/LTR', url, html, badge);
    await expectSameAsCli(browser, c.tabId, items);
    await expectWellBehaved(c);
  });

  /**
   * Each evasion in PLATFORMS.md on its own platform's markup. Every post is compared with the
   * CLI, and its verdict is pinned, so agreeing on a wrong answer fails too.
   */
  const evasions = [
    {
      name: 'Facebook: split-letter "Sponsored" with hidden decoys, and aria-labelledby',
      url: 'https://www.facebook.com/',
      expect: ['sponsored', 'sponsored', 'sponsored', 'undisclosed'],
      body: () => {
        const split = (letters) =>
          `<a href="https://www.facebook.com/ads/about/?entry_product=ad_preferences"><span style="display:flex">${letters}</span></a>`;
        const l = (ch, style = '') => `<span${style ? ` style="${style}"` : ''}>${ch}</span>`;
        const decoys = split(
          [
            l('S'),
            l('q', 'display:none'),
            l('p'),
            l('S', 'position:absolute;top:3em'),
            l('o'),
            l('x', 'font-size:0'),
            l('n'),
            l('s'),
            l('z', 'width:1px;overflow:hidden'),
            l('o'),
            l('r'),
            l('e'),
            l('d'),
          ].join(''),
        );
        const post = (id, header, message) =>
          `<div data-pagelet="FeedUnit_${id}"><div role="article" aria-labelledby="h${id}"><h4 id="h${id}"><a href="https://www.facebook.com/brand${id}"><strong><span>Brand ${id}</span></strong></a></h4><div>${header}</div><div data-ad-preview="message"><div dir="auto">${escapeHtml(message)}</div></div><a href="https://www.facebook.com/brand${id}/posts/pfbid0${id}">1h</a></div></div>`;
        return [
          post(
            1,
            decoys,
            'Write with confidence at work. Grammarly’s AI helps you rewrite in one click. Try it free.',
          ),
          post(
            2,
            `<span aria-labelledby="lbl2"></span><span id="lbl2" style="position:absolute;left:-9999px">Sponsored</span>`,
            'Meet Copy.ai: the AI copywriter for busy teams. Start free today.',
          ),
          // Split per code point, diacritics in spans of their own, as in the saved Arabic feed.
          post(
            3,
            split(
              [
                l('م'),
                l('ُ'),
                l('ك', 'display:none'),
                l('م'),
                l('و'),
                l('ب', 'position:absolute;top:3em'),
                l('َ'),
                l('ّ'),
                l('ل'),
              ].join(''),
            ),
            'جرّب Gemini في Gmail لكتابة رسائلك بسرعة',
          ),
          post(
            4,
            '<span>2h · Public</span>',
            'I write all my listings with Writesonic now 🙌 use my link writesonic.com/?fpr=dana42',
          ),
        ].join('');
      },
    },
    {
      name: 'disclosures with zero-width characters, Cyrillic look-alikes, full-width letters, Arabic diacritics and tatweel',
      url: 'https://x.com/home',
      expect: ['sponsored', 'sponsored', 'sponsored', 'sponsored', 'sponsored', 'undisclosed'],
      body: () =>
        [
          'Jasper AI writes my captions now #a\u200Bd use code SAVE20',
          'Synthesia made this whole video in 10 minutes. Spon\u200Dsor\u00ADed by Synthesia',
          'Writesonic is my secret weapon for blog posts. Ѕроnѕоrеd by Writesonic, use code WRITE30',
          'ChatGPT Plus changed how I study ＃ａｄ ｃｏｄｅ ＳＡＶＥ１０',
          'جربت ChatGPT بلس وغير حياتي 🔥 #إعـــلان مَدْفُوع استخدموا كود MAYA20',
          'Jasper AI writes my captions now, use code SAVE20 (no disclosure, only noise: \u200B\u200C\u2060)',
        ]
          .map((text, i) =>
            xPost(600 + i, { lang: /[\u0600-\u06ff]{3}/.test(text) ? 'ar' : 'en', text, links: [] }),
          )
          .join(''),
    },
    {
      name: 'X: t.co links whose visible text is cut with "…" and partly aria-hidden',
      url: 'https://x.com/home',
      expect: ['undisclosed', 'undisclosed', 'mention'],
      body: () => {
        const tco = (id, visible) =>
          `<a href="https://t.co/${id}" rel="noopener noreferrer nofollow" target="_blank" role="link">${visible}</a>`;
        const post = (i, text, link) =>
          xPost(700 + i, { lang: 'en', text, links: [] }).replace('</span> </div>', `</span> ${link}</div>`);
        return [
          post(
            0,
            'perplexity pro replaced most of my searches. free month thru my link 👇',
            tco(
              'sjEv0ZEJaA',
              '<span aria-hidden="true">https://</span>perplexity.ai/pro?referral_c<span aria-hidden="true">ode=maya</span><span aria-hidden="true">…</span>',
            ),
          ),
          post(
            1,
            'My AI writer of choice, nothing else comes close',
            tco(
              'AbC123',
              '<span aria-hidden="true">https://</span>jasper.ai/?fpr=sa<span aria-hidden="true">m</span><span aria-hidden="true">…</span>',
            ),
          ),
          post(
            2,
            'Good explainer on how large language models are trained',
            tco(
              'XyZ789',
              '<span aria-hidden="true">https://www.</span>nature.com/articles/d41586-0<span aria-hidden="true">23-00001</span><span aria-hidden="true">…</span>',
            ),
          ),
        ].join('');
      },
    },
    {
      name: 'redirect wrappers: YouTube, Instagram, Facebook, LinkedIn and Google',
      url: 'https://news.example.org/2025/wrapped-links',
      expect: ['undisclosed', 'undisclosed', 'undisclosed', 'undisclosed', 'undisclosed', 'mention'],
      body: () => {
        const target = (t) => encodeURIComponent(t);
        const wrapped = [
          `https://www.youtube.com/redirect?event=video_description&q=${target('https://jasper.ai/?fpr=sam')}`,
          `https://l.instagram.com/?u=${target('https://www.heygen.com/?sid=rewardful&via=nora')}&e=AT0`,
          `https://l.facebook.com/l.php?u=${target('https://writesonic.com/?fpr=dana42')}&h=AT0`,
          `https://www.linkedin.com/redir/redirect?url=${target('https://www.synthesia.io/?via=lena')}`,
          `https://www.google.com/url?q=${target('https://www.invideo.io/?ref=desk9')}&sa=D`,
          `https://www.youtube.com/redirect?q=${target('https://www.nature.com/articles/ai-training')}`,
        ];
        return wrapped
          .map(
            (href, i) =>
              `<article><p>${i < 5 ? 'The AI tool I use for everything, link here' : 'A good read about how AI models are trained'}: <a href="${escapeHtml(href)}">${i < 5 ? 'my favourite' : 'nature.com'}</a></p></article>`,
          )
          .join('');
      },
    },
  ];

  for (const evasion of evasions) {
    test(`evasion — ${evasion.name}`, async () => {
      const body = evasion.body();
      const html = evasion.url.startsWith('https://x.com')
        ? heartbeatXPage(body)
        : heartbeatPage(`<main>${body}</main>`, { canonical: evasion.url });
      const { items, badge } = expectedFromCli(html, evasion.url);
      assert.deepEqual(
        items.map((i) => i.verdict),
        evasion.expect,
        `CLI verdicts: ${JSON.stringify(items.map((i) => [i.verdict, i.excerpt.slice(0, 50)]))}`,
      );
      const c = await openCase(`evasion: ${evasion.name.slice(0, 40)}`, evasion.url, html, badge);
      await expectSameAsCli(browser, c.tabId, items);
      await expectWellBehaved(c);
    });
  }

  test('evasion — Facebook decoy letters hidden only by the page stylesheet', async () => {
    // A saved page cannot know what a class hides; the live page can (checkVisibility).
    const url = 'https://www.facebook.com/';
    const l = (ch, hidden = false) => `<span class="${hidden ? 'zz' : 'l'}">${ch}</span>`;
    const label = ['S', ['q', true], 'p', 'o', ['x', true], 'n', 's', 'o', 'r', ['k', true], 'e', 'd']
      .map((x) => (Array.isArray(x) ? l(x[0], true) : l(x)))
      .join('');
    const html = heartbeatPage(
      `<main><div data-pagelet="FeedUnit_9"><div role="article"><h4><a href="https://www.facebook.com/grammarly"><strong><span>Grammarly</span></strong></a></h4>` +
        `<div><a href="https://www.facebook.com/ads/about/"><span style="display:flex">${label}</span></a></div>` +
        `<div data-ad-preview="message"><div dir="auto">Write with confidence at work. Grammarly’s AI helps you rewrite in one click. Try it free.</div></div></div></div></main>`,
      { head: '<style>.zz { position: absolute; top: -999px; opacity: 0 }</style>' },
    );
    const c = await openCase('evasion: Facebook stylesheet decoys', url, html, '1');
    const [finding] = await browser.findings(c.tabId);
    assert.equal(finding.verdict, 'sponsored', JSON.stringify(finding.cues.map((q) => q.rule)));
    await expectWellBehaved(c);
  });

  test('an article nested in an article is still read', async () => {
    const url = 'https://news.example.org/2025/embedded-card';
    const html = heartbeatPage(
      `<main><article><h1>Our weekly AI roundup</h1><p>${PLAIN[3]}</p><article class="card"><p>${PROMO[0]}</p></article></article></main>`,
    );
    const { items, count, badge } = expectedFromCli(html, url);
    assert.equal(
      count,
      1,
      `the embedded promo is flagged: ${JSON.stringify(items.map((i) => [i.verdict, i.excerpt]))}`,
    );
    const c = await openCase('nested article', url, html, badge);
    await expectSameAsCli(browser, c.tabId, items);
    await expectWellBehaved(c);
  });

  test('posts of 20,000 dashes do not block the page', async () => {
    // ASCII art, separators, a page that wants Basira to stall: long runs of "-" or "a-". Ten
    // posts, each at the 20,000-character cap of an item's text (utils/dom/text.ts).
    const url = 'https://news.example.org/2025/dashes';
    const html = heartbeatPage(
      `<main><article><p>${PROMO[0]}</p></article>${['-', '-', '-', '-', '-', '-', 'a-', 'a-', '-a.', '-a.']
        .map(
          (unit) =>
            `<article><p>${unit.repeat(Math.ceil(20_000 / unit.length)).slice(0, 20_000)}</p></article>`,
        )
        .join('')}</main>`,
    );
    const { items, badge } = expectedFromCli(html, url);
    const c = await openCase('20,000-dash posts', url, html, badge);
    await expectSameAsCli(browser, c.tabId, items);
    // The page does nothing else (its baseline stays near its 10 ms tick), so a stall of twice a
    // long task is Basira's alone: one post is one engine call that no idle budget can split.
    await expectWellBehaved(c, 100);
  });

  test('a page address longer than 4,000 characters', async () => {
    const url = `https://news.example.org/2025/search?q=${'ai+tools+'.repeat(600)}`;
    const html = heartbeatPage(
      `<main><article><p>${PROMO[0]}</p></article><article><p>${PROMO[1]}</p></article></main>`,
    );
    const { items, count, badge } = expectedFromCli(html, url);
    assert.equal(count, 2);
    const c = await openCase('4,000+ character address', url, html, badge, { timeout: 15_000 });
    await expectSameAsCli(browser, c.tabId, items);
    await expectWellBehaved(c);
  });

  test('a post whose id attribute is longer than the protocol allows does not hide the others', async () => {
    const url = 'https://www.reddit.com/r/artificial/';
    const post = (id, text) =>
      `<shreddit-post id="${id}" post-title="${escapeHtml(text)}" author="u" permalink="/r/artificial/comments/x/"></shreddit-post>`;
    const html = heartbeatPage(
      [post('t3_ok1', PROMO[0]), post(`t3_${'x'.repeat(300)}`, PLAIN[0]), post('t3_ok2', PROMO[1])].join(''),
      { canonical: url },
    );
    const { items, count, badge } = expectedFromCli(html, url);
    assert.equal(count, 2);
    const c = await openCase('300-character post id', url, html, badge, { timeout: 15_000 });
    await expectSameAsCli(browser, c.tabId, items);
    await expectWellBehaved(c);
  });

  test('no request left the machine', () => {
    assert.deepEqual(browser.extensionRequests(), []);
  });
});
