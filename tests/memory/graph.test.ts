/** Memory's pure half: ties, entries, the author → brand index, insights and exports. */
import { describe, expect, test } from 'vitest';
import { partnerOfLabel } from '@/utils/engine/cues/platform-label';
import {
  authorKey,
  entryFrom,
  type LedgerEntry,
  PartnerIndex,
  partnershipsOf,
  permalinkOf,
  tiesOf,
} from '@/utils/memory/graph';
import { computeInsights, csvCell, dayOf, LEDGER_CSV_HEADER, toCsv, toJson } from '@/utils/memory/insights';
import type { FindingWire } from '@/utils/protocol';

const NOW = Date.UTC(2026, 11, 4, 12);
const DAY = 86_400_000;

const finding = (over: Partial<FindingWire> = {}): FindingWire => ({
  id: 'ig-1',
  verdict: 'sponsored',
  topic: 'ai',
  confidence: 0.9,
  cues: [],
  concerns: [],
  excerpt: 'New reel',
  snippet: 'New reel',
  snippetStart: 0,
  products: [],
  platform: 'instagram',
  author: '@maya',
  order: 0,
  ...over,
});
const cue = (kind: FindingWire['cues'][number]['kind'], text: string, detail?: string) => ({
  kind,
  rule: `r.${kind}`,
  text,
  lang: 'en',
  sources: [],
  ...(detail ? { detail } : {}),
});
const post = (over: Partial<Parameters<typeof entryFrom>[1]> = {}) => ({
  id: 'ig-1',
  text: 'New reel',
  labels: [],
  platform: 'instagram' as const,
  author: '@maya',
  url: 'https://www.instagram.com/p/abc/',
  ...over,
});

describe('ties', () => {
  test.each([
    ['Paid partnership with HeyGen', 'HeyGen'],
    ['Promoted · Paid partnership with Otter.ai', 'Otter.ai'],
    ['شراكة مدفوعة مع نمشي', 'نمشي'],
    ['Partenariat rémunéré avec Lumen', 'Lumen'],
    ['Colaboración pagada con Escriba IA', 'Escriba IA'],
    ['Bezahlte Partnerschaft mit Canva', 'Canva'],
    ['Sponsored', null],
    ['Ad', null],
  ])('the brand of the label %s', (label, brand) => {
    expect(partnerOfLabel(label)).toBe(brand);
  });

  test('a label ties its brand; a written disclosure ties the product or handle beside it, never a name in passing or the author', () => {
    const labelled = tiesOf(
      finding({ cues: [cue('platform-label', 'Paid partnership with HeyGen')] }),
      post(),
    );
    expect(labelled).toEqual([{ brand: 'HeyGen', kind: 'label' }]);
    const text =
      '#ad my voice stack with @elevenlabsio this month, by @maya. Unrelated: I still draft everything in ChatGPT first, and photos are by @sara_k';
    const at = (word: string) => text.indexOf(word);
    const disclosed = tiesOf(
      finding({
        cues: [
          { ...cue('disclosure', '#ad'), start: 0, end: 3 },
          {
            ...cue('ai-product', 'elevenlabsio', 'ElevenLabs'),
            start: at('elevenlabsio'),
            end: at('elevenlabsio') + 12,
          },
          { ...cue('ai-product', 'ChatGPT', 'ChatGPT'), start: at('ChatGPT'), end: at('ChatGPT') + 7 },
        ],
        products: ['ElevenLabs', 'ChatGPT'],
      }),
      post({ text }),
    );
    expect(disclosed).toEqual([{ brand: 'ElevenLabs', kind: 'disclosure' }]);
  });

  test('an affiliate link, a code or a referral ties the product with that kind; the strongest kind wins', () => {
    const ties = tiesOf(
      finding({
        verdict: 'undisclosed',
        cues: [cue('affiliate-link', 'https://www.descript.com/?via=jo'), cue('promo-code', 'code JO20')],
        products: ['Descript', 'Gamma'],
      }),
      post(),
    );
    expect(ties).toEqual([
      { brand: 'Descript', kind: 'affiliate-link' },
      { brand: 'Gamma', kind: 'code' },
    ]);
  });
});

describe('entries and the index', () => {
  test('by default an entry keeps the host and the post id, not the address or the excerpt', () => {
    const e = entryFrom(
      finding({ cues: [cue('platform-label', 'Paid partnership with HeyGen')] }),
      post(),
      NOW,
      false,
    )!;
    expect(e.key).toBe('instagram|instagram.com|ig-1');
    expect(e.url).toBeUndefined();
    expect(e.excerpt).toBeUndefined();
    expect(e.words).toBe('Paid partnership with HeyGen');
    const kept = entryFrom(finding(), post({ id: 'ig-DH1demoMira1' }), NOW, true)!;
    expect(kept.url).toBe('https://www.instagram.com/p/DH1demoMira1/');
    expect(kept.excerpt).toBe('New reel');
  });

  test('unflagged findings leave nothing', () => {
    expect(entryFrom(finding({ verdict: 'mention' }), post(), NOW, false)).toBeNull();
    expect(entryFrom(finding({ verdict: 'none', topic: null }), post(), NOW, false)).toBeNull();
  });

  test('only a disclosed or labelled post proves a partnership; a code, a link or a mention never does', () => {
    const base = entryFrom(
      finding({ cues: [cue('platform-label', 'Paid partnership with HeyGen')] }),
      post(),
      NOW,
      false,
    )!;
    expect(partnershipsOf(base)).toEqual([
      { brand: 'HeyGen', date: NOW, kind: 'label', words: 'Paid partnership with HeyGen', url: null },
    ]);
    const coded: LedgerEntry = { ...base, verdict: 'undisclosed', ties: [{ brand: 'HeyGen', kind: 'code' }] };
    expect(partnershipsOf(coded)).toEqual([]);
    const promoted: LedgerEntry = { ...base, verdict: 'promotion', ties: [] };
    expect(partnershipsOf(promoted)).toEqual([]);
  });

  test('history is per author and per platform; a post is never its own evidence; the newest evidence speaks', () => {
    const index = new PartnerIndex();
    const labelled = entryFrom(
      finding({ cues: [cue('platform-label', 'Paid partnership with HeyGen')] }),
      post(),
      NOW,
      false,
    )!;
    index.add(labelled);
    index.add({ ...labelled, key: 'later', date: NOW + DAY });
    expect(index.partnersFor('instagram', '@Maya', 'new')).toEqual([
      expect.objectContaining({ brand: 'HeyGen', date: NOW + DAY }),
    ]);
    expect(index.partnersFor('instagram', 'maya/', 'new')).toHaveLength(1);
    expect(index.partnersFor('instagram', '@lina', 'new')).toEqual([]);
    expect(index.partnersFor('tiktok', '@maya', 'new')).toEqual([]);
    expect(index.partnersFor('instagram', null, 'new')).toEqual([]);
    expect(index.partnersFor('instagram', '@maya', 'later')).toEqual([]);
    expect(authorKey('x', '  @Maya ')).toBe('x|maya');
    expect(authorKey('reddit', 'u/Maya')).toBe('reddit|maya');
  });

  test('no history where the author is a display name or no one: Facebook, LinkedIn, articles, [deleted]', () => {
    for (const platform of ['facebook', 'linkedin', 'generic'] as const)
      expect(authorKey(platform, 'Rana Haddad')).toBeNull();
    expect(authorKey('reddit', '[deleted]')).toBeNull();
    expect(authorKey('youtube', 'Priya Builds')).toBe('youtube|priya builds');
  });

  test('partnerships past retention are not given', () => {
    const index = new PartnerIndex();
    index.add(
      entryFrom(
        finding({ cues: [cue('platform-label', 'Paid partnership with HeyGen')] }),
        post(),
        NOW,
        false,
      )!,
    );
    expect(index.partnersFor('instagram', '@maya', 'new', NOW - DAY)).toHaveLength(1);
    expect(index.partnersFor('instagram', '@maya', 'new', NOW + 1)).toEqual([]);
  });

  test.each([
    ['x', 'x-1790012345678', null, 'https://x.com/i/status/1790012345678'],
    ['instagram', 'ig-DH1demoMira1', null, 'https://www.instagram.com/p/DH1demoMira1/'],
    ['youtube', 'yt-dQw4w9WgXcQ', null, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['reddit', 'rd-t3_1abcde', null, 'https://www.reddit.com/comments/1abcde/'],
    [
      'linkedin',
      'li-urn:li:activity:7300000000000000000',
      null,
      'https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000000/',
    ],
    ['tiktok', 'tt-7412345678901234567', '@jo.ai', 'https://www.tiktok.com/@jo.ai/video/7412345678901234567'],
    ['instagram', 'ig-3-k2j4h5', null, 'https://www.instagram.com/'],
    ['facebook', 'fb-123', null, 'https://www.instagram.com/'],
  ] as const)('the address kept for %s post %s is its own', (platform, id, author, want) => {
    expect(permalinkOf({ platform, id, author, url: 'https://www.instagram.com/' })).toBe(want);
  });
});

describe('insights', () => {
  const e = (over: Partial<LedgerEntry>): LedgerEntry => ({
    key: Math.random().toString(36),
    date: NOW,
    platform: 'x',
    host: 'x.com',
    postId: '1',
    author: '@maya',
    verdict: 'undisclosed',
    topic: 'ai',
    ties: [],
    products: ['HeyGen'],
    cueKinds: [],
    rules: [],
    ...over,
  });
  test('counts per day stacked by verdict, the undisclosed share, platforms, products and creators', () => {
    const entries = [
      e({}),
      e({ date: NOW - DAY }),
      e({ verdict: 'sponsored', date: NOW - 2 * DAY }),
      e({ verdict: 'promotion', platform: 'tiktok', products: ['Gamma'], author: '@lina' }),
      e({ date: NOW - 40 * DAY }), // outside 30 days
      e({ verdict: 'mention' }), // not flagged
    ];
    const i = computeInsights(entries, 30, NOW);
    expect(i.days).toHaveLength(30);
    expect(i.days.at(-1)).toEqual({
      day: dayOf(NOW),
      counts: { undisclosed: 1, sponsored: 0, promotion: 1 },
    });
    expect(i.total).toBe(4);
    expect(i.undisclosedShare).toBe(0.5);
    expect(i.byPlatform).toEqual([
      { platform: 'x', count: 3 },
      { platform: 'tiktok', count: 1 },
    ]);
    expect(i.products[0]).toEqual({ name: 'HeyGen', count: 3 });
    expect(i.creators[0]).toEqual({
      author: '@maya',
      platform: 'x',
      brand: 'HeyGen',
      promotions: 3,
      disclosed: 1,
    });
    expect(computeInsights(entries, 90, NOW).total).toBe(5);
    expect(computeInsights([], 7, NOW)).toMatchObject({ total: 0, undisclosedShare: 0 });
  });

  test('CSV cells are quoted and never read as formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@maya')).toBe("'@maya");
    expect(csvCell('plain')).toBe('plain');
    const csv = toCsv([e({ author: '@maya', excerpt: 'a, "quoted"\nline' })]);
    expect(csv.split('\n')[0]).toBe(LEDGER_CSV_HEADER);
    expect(csv).toContain(`"a, ""quoted""\nline"`);
    const json = JSON.parse(toJson([e({})], NOW));
    expect(json).toMatchObject({
      basira: 'memory',
      version: 1,
      entries: [expect.objectContaining({ author: '@maya' })],
    });
  });
});
