// Runs the `scan` CLI on HTML (the same engine and adapters the extension ships) for comparison.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { badgeOf, countsOnBadge } from './expected.mjs';

export function scanHtml(html, url) {
  const dir = mkdtempSync(join(tmpdir(), 'basira-scan-'));
  const file = join(dir, 'page.html');
  writeFileSync(file, html);
  const out = execFileSync('node', ['.output/cli/basira-scan.mjs', '--format', 'jsonl', '--url', url, file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

/**
 * What the extension should show for `html` at `url`, read by the CLI: its items, how many of them
 * the badge counts, and the badge text (utils/scope.ts, default settings).
 */
export function expectedFromCli(html, url) {
  const { items } = scanHtml(html, url);
  return { items, count: items.filter(countsOnBadge).length, badge: badgeOf(items).text };
}
