// Runs the `scan` CLI on HTML (the same engine and adapters the extension ships) for comparison.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function scanHtml(html, url) {
  const dir = mkdtempSync(join(tmpdir(), 'basira-scan-'));
  const file = join(dir, 'page.html');
  writeFileSync(file, html);
  const out = execFileSync('node', ['utils/cli/bin.mjs', '--format', 'jsonl', '--url', url, file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

const FLAGGED = new Set(['promotion', 'sponsored', 'undisclosed']);
/** Items the badge counts by default: flagged, AI topic. */
export const countsOnBadge = (item) => FLAGGED.has(item.verdict) && item.topic === 'ai';
