// Security in Chromium with the built extension, and of the build itself: page text carrying
// markup or script stays text (in the page, in Basira's marks, in the real popup); page scripts
// cannot forge, alter or silence findings (window messages, DOM events, attributes, fake and
// tampered marks, WXT's own DOM events); a content script cannot speak for another tab and a web
// page cannot reach Basira at all; the bundles hold no eval and no remote code, the manifests ask
// for `storage` only with the default CSP; and no request leaves the machine.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { EXTENSION_DIR, useChromium } from '../harness/chromium.mjs';
import { expectedFromCli } from '../harness/cli.mjs';
import { watchErrors } from '../harness/errors.mjs';
import { PLATFORM_DOMAINS } from '../harness/expected.mjs';
import { xFeedOf, xPost } from '../harness/feeds.mjs';
import { PLAIN } from '../harness/pages.mjs';

/** Promotions with a discount code and no disclosure: each is flagged. */
const PROMO = [
  'Jasper AI is a total game changer for my captions. Use code SAVE20 for 20% off!',
  'I switched to Writesonic last month and never looked back 🚀 use code WRITE30',
  'Synthesia makes AI avatar videos in minutes, use code VID10 for 10% off',
];

/** A finding as a forger would write it: undisclosed AI promotion, full confidence. */
const forgedFinding = (id, platform) => ({
  id,
  verdict: 'undisclosed',
  topic: 'ai',
  confidence: 1,
  cues: [],
  concerns: [],
  excerpt: 'forged',
  snippet: 'forged',
  snippetStart: 0,
  products: [],
  platform,
  author: null,
  order: 0,
});

/** Every node inside the closed shadow roots of Basira's marks (CDP pierces closed roots). */
async function markShadowContents(w) {
  const { root } = await w.cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const marks = [];
  const walk = (node, inMark) => {
    if (node.nodeName === 'BASIRA-MARK') {
      const inside = { elements: [], text: '', shadowType: node.shadowRoots?.[0]?.shadowRootType };
      marks.push(inside);
      for (const s of node.shadowRoots ?? []) walk(s, inside);
      for (const c of node.children ?? []) walk(c, inside);
      return;
    }
    if (inMark) {
      if (node.nodeType === 1) inMark.elements.push(node.nodeName.toLowerCase());
      if (node.nodeType === 3) inMark.text += node.nodeValue;
    }
    for (const s of node.shadowRoots ?? []) walk(s, inMark);
    for (const c of node.children ?? []) walk(c, inMark);
    if (node.contentDocument) walk(node.contentDocument, inMark);
  };
  walk(root, null);
  return marks;
}

const browser = useChromium();

describe('page text is only ever text', () => {
  test('markup and script in posts, link text and author names stay literal in page, marks and popup', async () => {
    const url = 'https://x.com/home';
    const payloads = [
      `${PROMO[0]} <img src=x onerror="window.__pwned=1">`,
      `<script>window.__pwned=2</script> ${PROMO[1]} <svg onload="window.__pwned=4"></svg>`,
      `My AI writer of choice, grab it here <iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>`,
    ];
    const posts = payloads
      .map((text, i) =>
        xPost(900 + i, { lang: 'en', text, links: [] })
          // The author's handle (read from the profile link) carries markup too.
          .replace(
            `href="/user${900 + i}"`,
            `href="/&lt;img src=x onerror=&quot;window.__pwned=6&quot;&gt;"`,
          ),
      )
      .join('')
      // A link whose visible text is HTML, pointing at an affiliate address.
      .replace(
        'grab it here',
        `grab it here</span> <a href="https://jasper.ai/?fpr=sam">&lt;b onmouseover="window.__pwned=3"&gt;jasper.ai/?fpr=sam&lt;/b&gt;</a><span>`,
      );
    const html = xFeedOf(posts);
    const { items: cli, count: flagged } = expectedFromCli(html, url);
    assert.equal(flagged, 3, `all three posts are flagged: ${JSON.stringify(cli.map((i) => i.verdict))}`);

    const { page, tabId, prepared: w } = await browser.open(url, html, { prepare: watchErrors });
    await browser.settleBadge(tabId, '3');
    await page.waitForFunction(() => document.querySelectorAll('basira-mark').length === 3);

    // In the page: nothing ran, no element was made from the text.
    const inPage = await page.evaluate(() => ({
      pwned: window.__pwned,
      parsed: document.querySelectorAll('#feed img, #feed script, #feed svg, #feed iframe, #feed b').length,
      text: document.getElementById('feed').textContent,
    }));
    assert.equal(inPage.pwned, undefined);
    assert.equal(inPage.parsed, 0);
    assert.ok(inPage.text.includes('<img src=x onerror="window.__pwned=1">'), 'the markup is page text');

    // In the marks: closed shadow roots holding only Basira's own elements, page words as text.
    const marks = await markShadowContents(w);
    assert.equal(marks.length, 3);
    for (const m of marks) {
      assert.equal(m.shadowType, 'closed');
      const foreign = m.elements.filter((e) => !['style', 'div', 'button', 'p', 'ul', 'li'].includes(e));
      assert.deepEqual(foreign, [], `only Basira's elements inside a mark: ${m.elements.join(',')}`);
    }

    // In the real popup: the same words, literally, and no element made from them.
    const popup = await browser.openPopup();
    await popup.waitFor(`document.querySelectorAll('.findings > li').length === 3`);
    const inPopup = await popup.evaluate(`({
      pwned: window.__pwned,
      injected: document.querySelectorAll('.findings img, .findings script, .findings svg, .findings iframe, .findings b, [onerror], [onload], [onmouseover]').length,
      scripts: [...document.scripts].map((s) => s.getAttribute('src')),
      list: document.querySelector('.findings').textContent,
      wheres: [...document.querySelectorAll('.findings .where')].map((e) => e.textContent),
    })`);
    assert.equal(inPopup.pwned, undefined);
    assert.equal(inPopup.injected, 0, 'no element was created from page text in the popup');
    assert.ok(
      inPopup.scripts.every((s) => s && /^\/chunks\/[\w-]+\.js$/.test(s)),
      `only Basira's own scripts: ${inPopup.scripts}`,
    );
    for (const literal of [
      '<img src=x onerror="window.__pwned=1">',
      '<script>window.__pwned=2</script>',
      '<svg onload="window.__pwned=4"></svg>',
    ])
      assert.ok(inPopup.list.includes(literal), `the popup shows ${literal} as text`);
    assert.ok(
      inPopup.wheres.some((t) => t.includes('@<img src=x onerror="window.__pwned=6">')),
      `the author's markup is text: ${inPopup.wheres}`,
    );
    await browser.closePopup(popup);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(w.basiraThrown(), []);
    await page.close();
  });
});

describe('page scripts cannot forge, alter or silence findings', () => {
  const url = 'https://x.com/home';
  const posts = [PROMO[0], PLAIN[0], PROMO[1], PLAIN[1]]
    .map((text, i) => xPost(100 + i, { lang: 'en', text, links: [] }))
    .join('');
  /** A flagged post the page adds later, to prove Basira still scans. */
  const late = (i, text = PROMO[2]) => xPost(200 + i, { lang: 'en', text, links: [] });
  /** Records anything Basira's parts post to the window (WXT announces each content script). */
  const spy = `<script>
    window.__heard = [];
    addEventListener('message', (e) => window.__heard.push(JSON.parse(JSON.stringify(e.data ?? null))));
    window.addPost = (html) => {
      const box = document.createElement('div');
      box.innerHTML = html;
      document.getElementById('feed').append(...box.children);
    };
  </script>`;

  async function open() {
    const html = xFeedOf(posts, { head: spy });
    const { count } = expectedFromCli(html, url);
    assert.equal(count, 2);
    const { page, tabId, prepared: w } = await browser.open(url, html, { prepare: watchErrors });
    await browser.settleBadge(tabId, '2');
    await page.waitForFunction(() => document.querySelectorAll('basira-mark').length === 2);
    return { page, tabId, w };
  }

  test('window messages, DOM events, attributes, fake and tampered marks change nothing', async () => {
    const { page, tabId, w } = await open();
    const forged = forgedFinding('x-forged', 'x');
    await page.evaluate((finding) => {
      const findings = Array.from({ length: 50 }, (_, i) => ({ ...finding, id: `x-forged-${i}` }));
      const messages = [
        { type: 'page:findings', data: { url: location.href, findings, done: true } },
        { type: 'page:start', data: { url: location.href, platform: 'x', paused: true } },
        { type: 'tab:get', data: { tabId: 1 } },
        { type: 'item:show', data: { id: 'x-100' } },
        JSON.stringify({ type: 'page:findings', data: { url: location.href, findings, done: true } }),
      ];
      for (let k = 0; k < 20; k++) for (const m of messages) window.postMessage(m, '*');
      for (const name of [
        'page:findings',
        'page:start',
        'basira:findings',
        'basira',
        'message',
        'wxt:locationchange',
      ])
        for (const target of [window, document, document.body]) {
          target.dispatchEvent(new CustomEvent(name, { detail: messages[0], bubbles: true }));
          target.dispatchEvent(new MessageEvent('message', { data: messages[0] }));
        }
      // Attributes Basira might be expected to use, on every post.
      for (const a of document.querySelectorAll('article')) {
        a.setAttribute('data-basira-verdict', 'undisclosed');
        a.setAttribute('data-basira-id', 'x-forged');
        a.setAttribute('data-basira-scanned', 'true');
        a.dataset.verdict = 'none';
      }
      // Fake marks on the unflagged posts; Basira's real marks hidden, moved, and one removed.
      const real = [...document.querySelectorAll('basira-mark')];
      const articles = [...document.querySelectorAll('article')];
      for (const a of [articles[1], articles[3]]) a.prepend(document.createElement('basira-mark'));
      real[0].style.display = 'none';
      real[0].setAttribute('data-verdict', 'none');
      articles[1].append(real[0]);
      real[1].remove();
    }, forged);
    await sleep(1_500);
    assert.equal((await browser.badge(tabId)).text, '2', 'the badge is still the real count');
    // Basira still scans: a post added after all that is counted.
    await page.evaluate((html) => window.addPost(html), late(0));
    await browser.settleBadge(tabId, '3');
    const stored = (await browser.findings(tabId)).map((f) => f.id);
    assert.ok(!stored.some((id) => id.startsWith('x-forged')), `no forged finding stored: ${stored}`);
    assert.deepEqual(w.basiraThrown(), []);
    await page.close();
  });

  test('a page that defines its own <basira-mark> element cannot break the count', async () => {
    const { page, tabId, w } = await open();
    await page.evaluate(() => {
      customElements.define(
        'basira-mark',
        class extends HTMLElement {
          constructor() {
            super();
            // Claim the shadow root first, so Basira's own attachShadow fails.
            try {
              this.attachShadow({ mode: 'open' }).innerHTML = '<b>fake</b>';
            } catch {}
          }
        },
      );
    });
    await page.evaluate((html) => window.addPost(html), late(1));
    await browser.settleBadge(tabId, '3');
    assert.deepEqual(w.basiraThrown(), [], 'a failed mark never surfaces as an error');
    await page.close();
  });

  test('a post the page wraps in a fake <basira-mark> is still counted', async () => {
    const { page, tabId } = await open();
    // Basira ignores mutations that only add or remove <basira-mark> elements (its own marks).
    await page.evaluate((html) => window.addPost(`<basira-mark>${html}</basira-mark>`), late(2));
    await browser.settleBadge(tabId, '3', { timeout: 5_000 });
    await page.close();
  });

  // WXT's ContentScriptContext posts `<extension id>:content:wxt:content-script-started` to the
  // window when it starts; the build drops that message (modules/quiet-start.ts).
  test("the page does not learn Basira's extension id from its start-up message", async () => {
    const { page } = await open();
    const heard = await page.evaluate(() => window.__heard);
    const leaked = JSON.stringify(heard).includes(browser.extensionId);
    assert.equal(
      leaked,
      false,
      `the page heard Basira's extension id in a window message: ${JSON.stringify(heard).slice(0, 300)}`,
    );
    await page.close();
  });

  test("a page replaying WXT's 'content script started' event cannot stop Basira", async () => {
    const { page, tabId, w } = await open();
    // The event name is `<extension id>:content:wxt:content-script-started`; a store extension's id
    // is public (and see the test above: WXT posts it to the page).
    await page.evaluate((id) => {
      document.dispatchEvent(
        new CustomEvent(`${id}:content:wxt:content-script-started`, {
          detail: { contentScriptName: 'content', messageId: 'page' },
        }),
      );
    }, browser.extensionId);
    await sleep(300);
    assert.equal(await page.evaluate(() => document.querySelectorAll('basira-mark').length), 2, 'marks stay');
    await page.evaluate((html) => window.addPost(html), late(3));
    await browser.settleBadge(tabId, '3', { timeout: 5_000 });
    assert.deepEqual(w.basiraThrown(), []);
    await page.close();
  });

  test("a page spamming WXT's location-change event cannot blank or reset the badge", async () => {
    const { page, tabId } = await open();
    await page.evaluate((id) => {
      const name = `${id}:content:wxt:locationchange`;
      const t = setInterval(() => window.dispatchEvent(new Event(name)), 30);
      setTimeout(() => clearInterval(t), 3_000);
    }, browser.extensionId);
    const seen = new Set();
    const until = Date.now() + 3_000;
    while (Date.now() < until) {
      seen.add((await browser.badge(tabId)).text);
      await sleep(50);
    }
    assert.deepEqual([...seen], ['2'], 'the badge never left the real count');
    await page.close();
  });
});

describe('no one speaks for another tab, and pages cannot reach Basira', () => {
  test("a content script cannot read, forge or reset another tab's findings", async () => {
    const urlA = 'https://x.com/home';
    const urlB = 'https://news.example.org/2025/ai';
    const { page: b, tabId: tabB } = await browser.open(
      urlB,
      `<!doctype html><html><body><main><article><p>${PROMO[1]}</p></article><article><p>${PROMO[2]}</p></article></main></body></html>`,
    );
    await browser.settleBadge(tabB, '2');
    const {
      page: a,
      tabId: tabA,
      prepared: w,
    } = await browser.open(urlA, xFeedOf(xPost(1, { lang: 'en', text: PROMO[0], links: [] })), {
      prepare: watchErrors,
    });
    await browser.settleBadge(tabA, '1');

    // From tab A's content-script world, everything a compromised content script could send.
    const forged = JSON.stringify(forgedFinding('g-forged', 'generic'));
    // An item that claims its own verdict: the engine in the background decides, from the text.
    const item = JSON.stringify({
      ...forgedFinding('x-forged', 'x'),
      text: 'A quiet walk by the river.',
      links: [],
      labels: [],
      order: 99,
    });
    const answers = await w.inBasiraWorld(
      `(async () => {
        const send = (m) => chrome.runtime.sendMessage(m).then((r) => r ?? null, (e) => 'error: ' + e.message);
        return {
          tabGet: await send({ type: 'tab:get', data: { tabId: ${tabB} } }),
          findings: await send({ type: 'page:findings', data: { url: ${JSON.stringify(urlB)}, findings: [${forged}], done: true } }),
          forB: await send({ type: 'items:analyze', data: { url: ${JSON.stringify(urlB)}, items: [${item}], done: true } }),
          withTab: await send({ type: 'items:analyze', data: { url: ${JSON.stringify(urlB)}, tabId: ${tabB}, items: [${item}], done: true } }),
          ownVerdict: await send({ type: 'items:analyze', data: { url: ${JSON.stringify(urlA)}, items: [${item}], done: true } }),
        };
      })()`,
    );
    console.log(`answers to a content script speaking for tab B: ${JSON.stringify(answers)}`);
    // Refused means no answer: null, or the port closing without a response.
    const refused = (x) => x === null || (typeof x === 'string' && x.startsWith('error:'));
    assert.ok(
      refused(answers.tabGet),
      `another tab's state is not given out (extension-page messages are refused): ${JSON.stringify(answers.tabGet)}`,
    );
    assert.ok(refused(answers.findings), 'a content script cannot hand in findings: only text');
    assert.deepEqual(
      answers.forB,
      { taken: false, flagged: [] },
      "items for another page's address are dropped",
    );
    assert.deepEqual(answers.withTab, { taken: false, flagged: [] }, 'a tab id in the message is ignored');
    assert.deepEqual(answers.ownVerdict, { taken: true, flagged: [] }, 'a verdict sent along is ignored');
    await sleep(500);
    assert.equal((await browser.badge(tabB)).text, '2', "tab B's badge is untouched");
    assert.equal((await browser.badge(tabA)).text, '1', "tab A's badge is untouched");

    // A page's own script has no extension API at all (no externally_connectable anywhere).
    const fromPage = await a.evaluate(async (id) => {
      const runtime = globalThis.chrome?.runtime;
      let probe = 'no fetch';
      try {
        await fetch(`chrome-extension://${id}/manifest.json`);
        probe = 'fetched';
      } catch {
        probe = 'blocked';
      }
      return { runtime: typeof runtime?.sendMessage, connect: typeof runtime?.connect, probe };
    }, browser.extensionId);
    assert.deepEqual(fromPage, { runtime: 'undefined', connect: 'undefined', probe: 'blocked' });
    assert.deepEqual(w.basiraThrown(), []);
    await a.close();
    await b.close();
  });

  test('the manifest exposes nothing to pages', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    assert.equal(manifest.externally_connectable, undefined);
    assert.equal(manifest.web_accessible_resources, undefined);
  });

  test('no request left the machine', () => {
    assert.deepEqual(browser.extensionRequests(), []);
    assert.deepEqual(browser.blockedBesidesFavicon(), [], 'not even a page subresource was requested');
  });
});

describe('the build: no eval, no remote code, minimal permissions, default CSP', () => {
  const builds = ['.output/chrome-mv3', '.output/firefox-mv3'];
  const files = (dir) =>
    readdirSync(dir, { recursive: true })
      .map((f) => join(dir, String(f)))
      .filter((f) => statSync(f).isFile() && /\.(m?js|html|json)$/.test(f));

  for (const dir of builds) {
    test(`${dir}: no eval, no Function constructor, no string timers, no remote scripts`, () => {
      const all = files(dir);
      assert.ok(
        all.some((f) => f.endsWith('.js')),
        `${dir} is built`,
      );
      const found = [];
      for (const file of all) {
        const code = readFileSync(file, 'utf8');
        for (const [name, re] of [
          ['eval(', /(?<![\w$.])eval\s*\(/g],
          ['new Function(', /new\s+Function\s*\(/g],
          ['Function(…) call', /(?<![\w$.])Function\s*\(/g],
          ['string timer', /set(?:Timeout|Interval)\s*\(\s*["'`]/g],
          ['importScripts', /importScripts\s*\(/g],
          ['remote import', /import\s*\(\s*["'`]https?:/g],
          ['remote <script src>', /<script[^>]+src\s*=\s*["']?(?:https?:)?\/\//gi],
          ['XMLHttpRequest', /XMLHttpRequest/g],
          ['WebSocket', /new\s+WebSocket/g],
          ['sendBeacon', /sendBeacon/g],
          ['EventSource', /new\s+EventSource/g],
        ])
          for (const m of code.matchAll(re))
            found.push(`${file}: ${name} … ${code.slice(Math.max(0, m.index - 60), m.index + 60)}`);
      }
      assert.deepEqual(found, []);
    });

    test(`${dir}: every fetch reads the extension's own files`, () => {
      const calls = [];
      for (const file of files(dir).filter((f) => f.endsWith('.js'))) {
        const code = readFileSync(file, 'utf8');
        for (const m of code.matchAll(/(?<![\w$.])fetch\s*\(/g)) {
          const context = code.slice(Math.max(0, m.index - 400), m.index + 120);
          const after = code.slice(m.index, m.index + 80);
          // 1. The locale loader: fetch(browser.runtime.getURL('/_locales/…')).
          const locales = /^fetch\(\s*[\w$]+\.runtime\.getURL\(/.test(after);
          // 2. Vite's modulepreload polyfill: fetches <link rel="modulepreload"> hrefs of the
          //    extension page itself (popup.html and options.html list only /chunks/… files).
          const preload = /modulepreload/.test(context) && /^fetch\(\s*[\w$]+\.href\s*,/.test(after);
          calls.push({ file, call: after.slice(0, 60), allowed: locales || preload });
        }
      }
      assert.deepEqual(
        calls.filter((c) => !c.allowed),
        [],
        'a fetch that does not read a packaged file',
      );
      console.log(
        `${dir}: fetch calls (all local): ${JSON.stringify(calls.map((c) => `${c.file}: ${c.call}`))}`,
      );
      for (const html of files(dir).filter((f) => f.endsWith('.html'))) {
        for (const m of readFileSync(html, 'utf8').matchAll(
          /<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g,
        ))
          assert.match(m[1], /^\/chunks\/[\w-]+\.js$/, `${html} preloads only packaged chunks`);
      }
    });

    test(`${dir}: HTML injection sinks are unreachable`, () => {
      // Preact's dangerouslySetInnerHTML branch is the only innerHTML in the bundles; no source
      // file uses that prop (and biome forbids it), so the branch never runs.
      const sinks = [];
      for (const file of files(dir).filter((f) => f.endsWith('.js'))) {
        const code = readFileSync(file, 'utf8');
        for (const m of code.matchAll(
          /innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|srcdoc/g,
        )) {
          const near = code.slice(Math.max(0, m.index - 120), m.index + 40);
          sinks.push({ file, sink: m[0], preact: /__html/.test(near) });
        }
      }
      assert.deepEqual(
        sinks.filter((s) => !s.preact),
        [],
        'an HTML sink outside Preact',
      );
      const sources = ['components', 'entrypoints', 'utils']
        .flatMap((d) => readdirSync(d, { recursive: true }).map((f) => join(d, String(f))))
        .filter((f) => /\.(tsx?|mjs)$/.test(f))
        .filter((f) =>
          /dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML/.test(readFileSync(f, 'utf8')),
        );
      assert.deepEqual(sources, [], 'no source file writes HTML');
    });

    test(`${dir}: manifest asks for storage only, with the default CSP`, () => {
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      assert.equal(manifest.manifest_version, 3);
      assert.deepEqual(manifest.permissions, ['storage']);
      for (const key of [
        'host_permissions',
        'optional_permissions',
        'optional_host_permissions',
        'content_security_policy',
        'externally_connectable',
        'web_accessible_resources',
        'sandbox',
        'update_url',
      ])
        assert.equal(manifest[key], undefined, `${key} is not declared`);
      // Two content scripts: the generic one on every http(s) page but the platforms', the
      // platforms' on their domains only; top frames, isolated world.
      const platforms = Object.values(PLATFORM_DOMAINS)
        .flat()
        .map((d) => `*://*.${d}/*`)
        .sort();
      assert.deepEqual(
        manifest.content_scripts.map((c) => [
          c.matches,
          (c.exclude_matches ?? []).toSorted(),
          c.all_frames ?? false,
          c.world ?? 'ISOLATED',
        ]),
        [
          [['http://*/*', 'https://*/*'], platforms, false, 'ISOLATED'],
          [platforms, [], false, 'ISOLATED'],
        ],
      );
      if (dir.includes('firefox'))
        assert.deepEqual(manifest.browser_specific_settings?.gecko?.data_collection_permissions, {
          required: ['none'],
        });
    });
  }
});
