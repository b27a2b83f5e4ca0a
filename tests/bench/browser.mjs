// `npm run bench`: Basira in Chromium on heavy feeds, each measured in the same run against the
// same page without the extension, plus the engine's throughput and bundle sizes. Writes one JSON
// report to .output/bench/report.json and prints it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../harness/chromium.mjs';
import { expectedFromCli } from '../harness/cli.mjs';
import { xBurstFeedHtml, xFeedHtml, ytGridHtml } from '../harness/feeds.mjs';

const observeLongTasks = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

/** A page with performance metrics enabled from the start (CDP counts only after enabling). */
async function instrumentedPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.addInitScript(observeLongTasks);
  page.metrics = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(list.map((x) => [x.name, x.value]));
  };
  return page;
}

const longTasksAfterLoad = (page) =>
  page.evaluate(() => {
    const loaded = performance.getEntriesByType('navigation')[0].loadEventEnd;
    return window.__longTasks.filter((t) => t.start >= loaded).map((t) => Math.round(t.duration));
  });

/** The floor: a bare pass over the page's text nodes with one precompiled regex test each. */
const floorPass = (page) =>
  page.evaluate(() => {
    const re = /#ad\b|sponsored|affiliate|promo code|إعلان|برعاية/iu;
    const start = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let hits = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (re.test(n.nodeValue)) hits++;
    return { ms: performance.now() - start, hits };
  });

async function measurePage(name, url, html) {
  const { count: want, badge: expectBadge } = expectedFromCli(html, url);

  // Without Basira.
  const bare = await launch({ extension: false });
  bare.serve(url, html);
  const plain = await instrumentedPage(bare.context);
  await plain.goto(url);

  // With Basira.
  const ext = await launch();
  ext.serve(url, html);
  const page = await instrumentedPage(ext.context);
  await page.goto(url);
  const loadedAt = Date.now();
  const tabId = await ext.activeTabId(page);
  await ext.waitForBadge(tabId, (t) => t === expectBadge, 120_000);
  const loadToBadgeMs = Date.now() - loadedAt;
  const withMetrics = await page.metrics();

  // Same wall time on the bare page, then its metrics and the floor.
  await plain.waitForTimeout(loadToBadgeMs);
  const bareAfter = await plain.metrics();
  const floor = await floorPass(plain);
  const result = {
    page: name,
    items: (html.match(/<article|<ytd-rich-item-renderer/g) ?? []).length,
    flagged: want,
    loadToBadgeMs,
    longTasksWith: await longTasksAfterLoad(page),
    longTasksWithout: await longTasksAfterLoad(plain),
    scriptMsWith: Math.round(withMetrics.ScriptDuration * 1000),
    scriptMsWithout: Math.round(bareAfter.ScriptDuration * 1000),
    basiraScriptMs: Math.round((withMetrics.ScriptDuration - bareAfter.ScriptDuration) * 1000),
    floorMs: Number(floor.ms.toFixed(1)),
    heapMBWith: Number((withMetrics.JSHeapUsedSize / 1048576).toFixed(1)),
    heapMBWithout: Number((bareAfter.JSHeapUsedSize / 1048576).toFixed(1)),
  };
  result.heapGrowthMB = Number((result.heapMBWith - result.heapMBWithout).toFixed(1));
  result.scriptVsFloor = Number((result.basiraScriptMs / Math.max(0.1, result.floorMs)).toFixed(1));
  await bare.close();
  await ext.close();
  return result;
}

async function measureBursts() {
  const url = 'https://x.com/home';
  const html = xBurstFeedHtml(0, 1000, 50, 100);
  const { count: want, badge: expectBadge } = expectedFromCli(xFeedHtml(1000), url);
  const bare = await launch({ extension: false });
  bare.serve(url, html);
  const plain = await instrumentedPage(bare.context);
  await plain.goto(url);
  await plain.waitForFunction(() => document.title === 'done', null, { timeout: 60_000 });
  const baseline = await longTasksAfterLoad(plain);
  await bare.close();
  const ext = await launch();
  ext.serve(url, html);
  const page = await instrumentedPage(ext.context);
  await page.goto(url);
  const start = Date.now();
  await page.waitForFunction(() => document.title === 'done', null, { timeout: 60_000 });
  const tabId = await ext.activeTabId(page);
  const badge = await ext
    .waitForBadge(tabId, (t) => t === expectBadge, 60_000)
    .catch((e) => ({ text: String(e) }));
  const result = {
    page: 'x-bursts-1000x50',
    flagged: want,
    allCounted: badge.text === expectBadge,
    msToFinalBadge: Date.now() - start,
    longTasksWith: await longTasksAfterLoad(page),
    longTasksWithout: baseline,
  };
  await ext.close();
  return result;
}

function sizes(dir) {
  const kb = (f) => Number((statSync(join(dir, f)).size / 1024).toFixed(1));
  const chunks = readdirSync(join(dir, 'chunks'));
  return {
    contentScriptKB: kb('content-scripts/content.js'),
    backgroundKB: kb('background.js'),
    popupKB: chunks.filter((f) => f.startsWith('popup')).reduce((a, f) => a + kb(`chunks/${f}`), 0),
    sharedChunksKB: chunks
      .filter((f) => !f.startsWith('popup') && !f.startsWith('options'))
      .reduce((a, f) => a + kb(`chunks/${f}`), 0),
  };
}

const lastJson = (cmd, args) =>
  JSON.parse(execFileSync(cmd, args, { encoding: 'utf8' }).trim().split('\n').pop());
const popup = lastJson('npx', ['--no-install', 'tsx', 'tests/bench/popup-render.ts']);
const engine = lastJson('npx', ['--no-install', 'tsx', 'tests/bench/engine.ts']);
const report = {
  date: new Date().toISOString(),
  targets: { longTasksAdded: 0, scriptVsFloor: 5, heapGrowthMB: 10, contentScriptKB: 60, engineRatio: 1 / 3 },
  pages: [
    await measurePage('x-feed-2000', 'https://x.com/home', xFeedHtml(2000)),
    await measurePage('youtube-grid-2000', 'https://www.youtube.com/', ytGridHtml(2000)),
  ],
  bursts: await measureBursts(),
  bundles: sizes('.output/chrome-mv3'),
  engine,
  popup,
};
mkdirSync('.output/bench', { recursive: true });
writeFileSync('.output/bench/report.json', `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report));
