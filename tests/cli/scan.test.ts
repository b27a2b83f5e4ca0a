import { copyFile, mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main, scanFile } from '@/utils/cli/scan';

const ARTICLES = join(__dirname, '../fixtures/articles');

async function run(args: string[], isTTY = false) {
  let out = '';
  let err = '';
  const code = await main(args, { write: (s) => (out += s), error: (s) => (err += s), isTTY });
  return { code, out, err };
}

describe('scan CLI', () => {
  test('prints exactly the documented JSON record per file for a folder of articles', async () => {
    const { code, out } = await run([ARTICLES]);
    expect(code).toBe(0);
    const records = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records).toHaveLength(3);
    for (const r of records) {
      expect(Object.keys(r)).toEqual(['file', 'url', 'platform', 'verdict', 'topic', 'items']);
      expect(r.url).toBeNull();
      expect(r.platform).toBe('generic');
      for (const item of r.items) {
        expect(Object.keys(item)).toEqual([
          'id',
          'verdict',
          'topic',
          'confidence',
          'cues',
          'concerns',
          'excerpt',
        ]);
        for (const cue of item.cues) expect(Object.keys(cue)).toEqual(['kind', 'rule', 'text', 'lang']);
      }
    }
    const verdicts = Object.fromEntries(records.map((r) => [r.file.split('/').pop(), r.verdict]));
    expect(verdicts['ethics-essay-with-ad.txt']).toBe('promotion');
    for (const file of ['ad-spend-news.txt', 'fomo-essay.txt'])
      expect(['mention', 'none']).toContain(verdicts[file]);
  });

  test('--url sets the address of text files', async () => {
    const { out } = await run(['--url', 'https://example.org/a', join(ARTICLES, 'ad-spend-news.txt')]);
    expect(JSON.parse(out).url).toBe('https://example.org/a');
  });

  test('unreadable and binary files get an error record, the run continues, exit code 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'basira-cli-'));
    await writeFile(join(dir, 'bad.html'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    await writeFile(join(dir, 'ok.txt'), 'Use code SARA20 for 20% off Jasper AI — link in bio');
    const { code, out } = await run([join(dir, 'missing.html'), dir]);
    const records = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(code).toBe(2);
    expect(records[0]).toEqual({ file: join(dir, 'missing.html'), error: 'cannot read: ENOENT' });
    expect(Object.keys(records[1])).toEqual(['file', 'error']);
    expect(records[2].verdict).toBe('undisclosed');
  });

  test('CSV has a header and one row per item; table is the terminal default', async () => {
    const csv = await run(['--format', 'csv', join(ARTICLES, 'ethics-essay-with-ad.txt')]);
    const lines = csv.out.trim().split('\n');
    expect(lines[0]).toMatch(/^file,url,platform,page_verdict/);
    expect(lines.some((l) => l.includes(',promotion,ai,'))).toBe(true);
    const table = await run([join(ARTICLES, 'ethics-essay-with-ad.txt')], true);
    expect(table.out).toContain('PROMOTION');
  });

  test.each([
    [['--format', 'xml', 'x'], /--format must be/],
    [['--url', 'not a url', 'x'], /--url needs an absolute address/],
    [['--bogus'], /unknown option/],
    [[], /Usage/],
  ])('bad usage %j exits 1 with a clear message', async (args, message) => {
    const { code, err } = await run(args as string[]);
    expect(code).toBe(1);
    expect(err).toMatch(message);
  });
});

describe('--memory', () => {
  const MEMORY = join(__dirname, '../fixtures/memory');
  /** The labelled post saved as b.html and the later push as a.html: order by capture time, not by name. */
  async function saved(labelledFirst: boolean) {
    const dir = await mkdtemp(join(tmpdir(), 'basira-memory-'));
    await copyFile(join(MEMORY, '1-labelled.html'), join(dir, 'b.html'));
    await copyFile(join(MEMORY, '2-unlabelled.html'), join(dir, 'a.html'));
    const [early, late] = [new Date('2026-11-03T10:00:00Z'), new Date('2026-11-20T10:00:00Z')];
    await utimes(join(dir, 'b.html'), labelledFirst ? early : late, labelledFirst ? early : late);
    await utimes(join(dir, 'a.html'), labelledFirst ? late : early, labelledFirst ? late : early);
    return dir;
  }
  const verdictOf = (out: string, file: string) =>
    out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .find((r) => r.file.endsWith(file));

  test('a later push by an author whose earlier post was labelled is undisclosed, with the evidence as a cue', async () => {
    const dir = await saved(true);
    const { code, out } = await run(['--memory', dir]);
    expect(code).toBe(0);
    const push = verdictOf(out, 'a.html');
    expect(push.verdict).toBe('undisclosed');
    expect(push.items[0].cues).toContainEqual(
      expect.objectContaining({ kind: 'prior-partnership', text: 'Paid partnership with HeyGen' }),
    );
    // Records come in capture order: the labelled page first.
    expect(
      out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).file.split('/').pop()),
    ).toEqual(['b.html', 'a.html']);
  });

  test('without --memory, or when the push was captured first, each page is judged alone', async () => {
    const dir = await saved(true);
    expect(verdictOf((await run([dir])).out, 'a.html').verdict).toBe('promotion');
    const reversed = await saved(false);
    expect(verdictOf((await run(['--memory', reversed])).out, 'a.html').verdict).toBe('promotion');
  });
});

describe('ordinary pages: items inside items', () => {
  test('an embedded card and reader comments are items of their own, left out of the article', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'basira-nested-'));
    const file = join(dir, 'page.html');
    await writeFile(
      file,
      `<!doctype html><html lang="en"><body><main><article><h1>Our weekly roundup</h1>
        <p>We walked to the market and bought bread, cheese and figs for the weekend.</p>
        <article class="card"><p>This AI writing tool changed my life! Use my code SAVE20 at jasper.ai for 20% off</p></article>
        <section class="comments">
          <article class="comment"><p>Lovely walk, thanks for sharing.</p></article>
          <article class="comment"><p>Try Copy.ai instead, sign up with my referral link copy.ai/?via=sam and get 2 months free</p></article>
        </section>
      </article></main></body></html>`,
    );
    const record = await scanFile(file, { url: 'https://news.example.org/2025/roundup' });
    if ('error' in record) throw new Error(record.error);
    const rows = record.items.map((i) => [i.verdict, i.excerpt.slice(0, 30)]);
    expect(rows).toEqual([
      ['none', 'Our weekly roundup We walked t'],
      ['undisclosed', 'This AI writing tool changed m'],
      ['none', 'Lovely walk, thanks for sharin'],
      ['undisclosed', 'Try Copy.ai instead, sign up w'],
    ]);
  });
});
