/**
 * `basira-scan`: the extension's engine and adapters over saved pages, for researchers and
 * regulators. Reads .html/.htm/.txt files (directories recursively) and prints one record per file.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { plainTextItems } from '../adapters/plain-text';
import { adapterFor, discoverItems } from '../adapters/registry';
import { canonicalUrl } from '../dom/text';
import { analyzePage, pageVerdict } from '../engine/analyze';
import { type CueKind, isShown } from '../engine/cues/kinds';
import { bundledRules } from '../engine/rules/bundled';
import type { ItemInput, Platform, Topic, Verdict } from '../engine/types';
import { PartnerIndex } from '../memory/graph';
import { judgeRemembering } from '../memory/judge';

export type Format = 'jsonl' | 'table' | 'csv';

export interface FileRecord {
  file: string;
  url: string | null;
  platform: Platform;
  verdict: Verdict;
  topic: Topic | null;
  items: {
    id: string;
    verdict: Verdict;
    topic: Topic | null;
    confidence: number;
    cues: { kind: CueKind; rule: string; text: string; lang: string }[];
    concerns: string[];
    excerpt: string;
  }[];
}
export interface ErrorRecord {
  file: string;
  error: string;
}

const EXTENSIONS = new Set(['.html', '.htm', '.txt']);
const MAX_FILE_BYTES = 50 * 1024 * 1024;

export async function expandInputs(
  inputs: readonly string[],
): Promise<{ files: string[]; errors: ErrorRecord[] }> {
  const files: string[] = [];
  const errors: ErrorRecord[] = [];
  const walk = async (path: string, explicit: boolean) => {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (e) {
      errors.push({
        file: path,
        error: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      });
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path)).sort();
      for (const entry of entries) await walk(join(path, entry), false);
    } else if (EXTENSIONS.has(extname(path).toLowerCase())) {
      files.push(path);
    } else if (explicit) {
      errors.push({
        file: path,
        error: `unsupported file type "${extname(path) || '(none)'}": expected .html, .htm or .txt`,
      });
    }
  };
  for (const input of inputs) await walk(input, true);
  return { files, errors };
}

function itemsOfHtml(
  html: string,
  fallbackUrl: string | null,
): { url: string | null; platform: Platform; items: ItemInput[] } {
  const { document } = parseHTML(html);
  const url = canonicalUrl(document as unknown as Document) ?? fallbackUrl;
  let parsed: URL;
  try {
    parsed = new URL(url ?? 'https://localhost/');
  } catch {
    parsed = new URL('https://localhost/');
  }
  const { found } = discoverItems(document as unknown as Document, parsed);
  return { url, platform: adapterFor(parsed).id, items: found.map((f) => f.input) };
}

function toRecord(
  file: string,
  url: string | null,
  platform: Platform,
  page: ReturnType<typeof analyzePage>,
): FileRecord {
  return {
    file,
    url,
    platform,
    verdict: page.verdict,
    topic: page.topic,
    items: page.items.map((f) => ({
      id: f.id,
      verdict: f.verdict,
      topic: f.topic,
      confidence: f.confidence,
      cues: f.cues.map((c) => ({ kind: c.kind, rule: c.rule, text: c.text, lang: c.lang })),
      concerns: f.concerns,
      excerpt: f.excerpt,
    })),
  };
}

/** Memory across files (`--memory`): the author → brand index, and when the file was captured. */
export interface ScanMemory {
  index: PartnerIndex;
  date: number;
}

export async function scanFile(
  file: string,
  opts: { url?: string | null; allTopics?: boolean; memory?: ScanMemory },
): Promise<FileRecord | ErrorRecord> {
  let buffer: Buffer;
  try {
    const info = await stat(file);
    if (info.size > MAX_FILE_BYTES)
      return { file, error: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    buffer = await readFile(file);
  } catch (e) {
    return { file, error: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return { file, error: 'not valid UTF-8 text' };
  }
  if (text.includes('\u0000')) return { file, error: 'binary content, not a text page' };
  try {
    const isText = extname(file).toLowerCase() === '.txt';
    const page = isText
      ? {
          url: opts.url ?? null,
          platform: 'generic' as Platform,
          items: plainTextItems(text, opts.url ?? null),
        }
      : itemsOfHtml(text, opts.url ?? null);
    const rules = bundledRules();
    const memory = opts.memory;
    // With memory, posts are judged one by one in page order, each after the ones before it.
    const analyzed = memory
      ? (() => {
          const items = page.items.map(
            (item) =>
              judgeRemembering({ ...item, url: item.url ?? page.url }, rules, memory.index, memory.date)
                .finding,
          );
          return { ...pageVerdict(items, opts.allTopics ?? false), items };
        })()
      : analyzePage(page.items, rules, { allTopics: opts.allTopics ?? false });
    return toRecord(file, page.url, page.platform, analyzed);
  } catch (e) {
    return { file, error: `cannot parse: ${(e as Error).message}` };
  }
}

const COLORS: Record<Verdict, string> = {
  undisclosed: '\x1b[1;31m',
  sponsored: '\x1b[33m',
  promotion: '\x1b[36m',
  mention: '\x1b[2m',
  none: '\x1b[2m',
};

export function formatTable(record: FileRecord | ErrorRecord, color: boolean): string {
  const c = (code: string, s: string) => (color ? `${code}${s}\x1b[0m` : s);
  if ('error' in record) return `${c('\x1b[31m', 'ERROR')} ${record.file}: ${record.error}\n`;
  const lines = [
    `${c('\x1b[1m', record.file)}  ${record.platform}  ${c(COLORS[record.verdict], record.verdict.toUpperCase())}${record.topic ? ` (${record.topic})` : ''}`,
  ];
  for (const item of record.items) {
    if (item.verdict === 'none') continue;
    const cues = item.cues
      .filter((q) => isShown(q.kind))
      .map((q) => `${q.kind}:${q.text.replace(/\s+/g, ' ').slice(0, 40)}`)
      .slice(0, 6)
      .join(', ');
    lines.push(
      `  ${c(COLORS[item.verdict], item.verdict.padEnd(11))} ${String(item.confidence).padEnd(4)} ${item.excerpt.slice(0, 90)}`,
    );
    if (cues) lines.push(`              ${c('\x1b[2m', cues)}`);
  }
  return `${lines.join('\n')}\n`;
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
export const CSV_HEADER =
  'file,url,platform,page_verdict,page_topic,item_id,verdict,topic,confidence,cues,concerns,excerpt,error\n';

export function formatCsv(record: FileRecord | ErrorRecord): string {
  if ('error' in record)
    return `${[csvCell(record.file), '', '', '', '', '', '', '', '', '', '', '', csvCell(record.error)].join(',')}\n`;
  const base = [record.file, record.url ?? '', record.platform, record.verdict, record.topic ?? ''].map(
    csvCell,
  );
  if (record.items.length === 0) return `${[...base, '', '', '', '', '', '', '', ''].join(',')}\n`;
  return record.items
    .map(
      (i) =>
        `${[
          ...base,
          csvCell(i.id),
          i.verdict,
          i.topic ?? '',
          String(i.confidence),
          csvCell(i.cues.map((q) => `${q.kind}:${q.rule}`).join(' ')),
          csvCell(i.concerns.join(' ')),
          csvCell(i.excerpt),
          '',
        ].join(',')}\n`,
    )
    .join('');
}

export const USAGE = `Usage: basira-scan [options] <file|dir>...

Scans saved pages (.html, .htm, .txt; directories recursively) for AI-product promotion,
on this machine, with the same engine and adapters as the Basira extension.

Options:
  --format jsonl|table|csv  output format (default: table on a terminal, jsonl otherwise)
  --url <address>           address for .txt files and pages without a canonical link
  --all-topics              count non-AI items in the page verdict too
  --memory                  judge pages in capture order (file modification time, then name),
                            remembering each author's disclosed or labelled partnerships: a later
                            push of the same brand by the same author without a disclosure is
                            undisclosed (as the extension's memory does; nothing is written)
  -h, --help                show this help

Exit codes: 0 done, 1 bad usage, 2 some files could not be read or parsed.
`;

/** Files in the order they were captured: modification time, then name (an unreadable file keeps its place at the end). */
async function inCaptureOrder(files: readonly string[]): Promise<{ file: string; date: number }[]> {
  const dated = await Promise.all(
    files.map(async (file) => ({
      file,
      date: await stat(file).then(
        (s) => s.mtimeMs,
        () => Number.MAX_SAFE_INTEGER,
      ),
    })),
  );
  return dated.sort((a, b) => a.date - b.date || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

export interface CliIo {
  write(s: string): void;
  error(s: string): void;
  isTTY: boolean;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let format: Format | null = null;
  let url: string | null = null;
  let allTopics = false;
  let remember = false;
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      io.write(USAGE);
      return 0;
    }
    if (arg === '--all-topics') allTopics = true;
    else if (arg === '--memory') remember = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(9) : argv[++i];
      if (value !== 'jsonl' && value !== 'table' && value !== 'csv') {
        io.error(`basira-scan: --format must be jsonl, table or csv (got ${JSON.stringify(value ?? '')})\n`);
        return 1;
      }
      format = value;
    } else if (arg === '--url' || arg.startsWith('--url=')) {
      const value = arg.includes('=') ? arg.slice(6) : argv[++i];
      try {
        url = new URL(value ?? '').href;
      } catch {
        io.error(`basira-scan: --url needs an absolute address (got ${JSON.stringify(value ?? '')})\n`);
        return 1;
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      io.error(`basira-scan: unknown option ${arg}\n\n${USAGE}`);
      return 1;
    } else inputs.push(arg);
  }
  if (inputs.length === 0) {
    io.error(USAGE);
    return 1;
  }
  const fmt: Format = format ?? (io.isTTY ? 'table' : 'jsonl');
  const { files, errors } = await expandInputs(inputs);
  let failed = errors.length > 0;
  const emit = (record: FileRecord | ErrorRecord) => {
    if (fmt === 'jsonl') io.write(`${JSON.stringify(record)}\n`);
    else if (fmt === 'csv') io.write(formatCsv(record));
    else io.write(formatTable(record, io.isTTY));
  };
  if (fmt === 'csv') io.write(CSV_HEADER);
  for (const e of errors) emit(e);
  const index = remember ? new PartnerIndex() : null;
  for (const { file, date } of remember
    ? await inCaptureOrder(files)
    : files.map((file) => ({ file, date: 0 }))) {
    const record = await scanFile(file, { url, allTopics, ...(index ? { memory: { index, date } } : {}) });
    if ('error' in record) failed = true;
    emit(record);
  }
  return failed ? 2 : 0;
}
