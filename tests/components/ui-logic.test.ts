import { beforeEach, describe, expect, test } from 'vitest';
import type { CueKind } from '@/utils/engine/cues/kinds';
import { cueLines, describeCue } from '@/utils/explain';
import { formatMessage, plural, setMessages, t, uiDirection, uiLanguage } from '@/utils/i18n';
import type { FindingWire } from '@/utils/protocol';
import { isPaused } from '@/utils/settings';
import { highlightRuns } from '@/utils/ui/highlight';
import { normalizeSite, pausedHere, siteOf, withPause } from '@/utils/ui/hosts';
import { finding, MESSAGES } from './fixtures';

beforeEach(() => setMessages('', null));

describe('formatMessage follows the browser i18n rules', () => {
  test.each([
    [{ message: 'Plain' }, undefined, 'Plain'],
    [{ message: '$COUNT$ findings', placeholders: { count: { content: '$1' } } }, '3', '3 findings'],
    [{ message: 'Case $Count$', placeholders: { COUNT: { content: '$1' } } }, ['7'], 'Case 7'],
    [{ message: 'Costs $$500 and $$1' }, undefined, 'Costs $500 and $1'],
    [{ message: 'Direct $1 and $2' }, ['a', 'b'], 'Direct a and b'],
    [{ message: 'Missing $1' }, undefined, 'Missing '],
    [{ message: '$VALUE$', placeholders: { value: { content: '$1' } } }, '$1 <b>x</b>', '$1 <b>x</b>'],
  ])('%j with %j', (entry, subs, expected) => {
    expect(formatMessage(entry, subs)).toBe(expected);
  });
});

describe('language override', () => {
  test('t uses the loaded messages; language and direction follow them', () => {
    setMessages('ar', MESSAGES.ar);
    expect(t('popupTitle')).toBe('بصيرة');
    expect(uiLanguage()).toBe('ar');
    expect(uiDirection()).toBe('rtl');
    setMessages('en', MESSAGES.en);
    expect(t('popupTitle')).toBe('Basira');
    expect(uiDirection()).toBe('ltr');
    expect(t('no_such_key')).toBe('no_such_key');
  });

  test.each([
    ['en', 1, '1 finding'],
    ['en', 5, '5 findings'],
    ['ar', 1, 'نتيجة واحدة'],
    ['ar', 2, 'نتيجتان'],
    ['ar', 5, '5 نتائج'],
    ['ar', 11, '11 نتيجة'],
    ['ar', 100, '100 نتيجة'],
  ] as const)('plural in %s for %i', (lang, n, expected) => {
    setMessages(lang, MESSAGES[lang]);
    expect(plural('status_count', n)).toBe(expected);
  });
});

describe('highlightRuns', () => {
  test('runs cover the snippet exactly; overlapping cues join; cues without offsets are found by text', () => {
    const runs = highlightRuns({
      snippet: 'Try Jasper now at jasper.ai?via=me today',
      snippetStart: 100,
      cues: [
        { kind: 'ai-product', rule: 'r', text: 'Jasper', lang: 'und', start: 104, end: 110, sources: [] },
        { kind: 'cta', rule: 'r', text: 'Try Jasper now', lang: 'en', start: 100, end: 114, sources: [] },
        { kind: 'affiliate-link', rule: 'r', text: 'JASPER.AI?via=me', lang: 'und', sources: [] },
        { kind: 'discourse', rule: 'r', text: 'today', lang: 'en', start: 135, end: 140, sources: [] },
      ],
    });
    expect(runs.map((r) => r.text).join('')).toBe('Try Jasper now at jasper.ai?via=me today');
    expect(runs).toEqual([
      { text: 'Try ', kinds: ['cta'] },
      { text: 'Jasper', kinds: ['ai-product', 'cta'] },
      { text: ' now', kinds: ['cta'] },
      { text: ' at ', kinds: [] },
      { text: 'jasper.ai?via=me', kinds: ['affiliate-link'] },
      { text: ' today', kinds: [] },
    ]);
  });

  test('no cues: one plain run; empty snippet: nothing', () => {
    expect(highlightRuns({ snippet: 'abc', snippetStart: 0, cues: [] })).toEqual([
      { text: 'abc', kinds: [] },
    ]);
    expect(highlightRuns({ snippet: '', snippetStart: 0, cues: [] })).toEqual([]);
  });
});

describe('cueLines', () => {
  test('undisclosed items lead with the missing disclosure; repeated lines are shown once', () => {
    setMessages('en', MESSAGES.en);
    const f = finding({ cues: [...finding().cues, finding().cues[0]!] });
    const lines = cueLines(f, t).map((l) => l.replace(/[\u200e\u200f\u2066-\u2069]/g, ''));
    expect(lines[0]).toBe('No disclosure found; “#collab” is ambiguous');
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.indexOf('Affiliate link: invideo.io')).toBeLessThan(lines.indexOf('Hype: “game changer”'));
  });

  test('links and buried disclosures in plain words in both languages: a kind of link and its host, no rule names', () => {
    const cues = [
      {
        kind: 'affiliate-link',
        rule: 'link.rewardful-dub',
        text: 'https://www.jasper.ai/?via=maya',
        detail: 'jasper.ai — Rewardful or Dub referral (?via=)',
      },
      {
        kind: 'opaque-link',
        rule: 'link.bitly',
        text: 'https://bit.ly/3xYz',
        detail: 'URL shortener (destination hidden)',
      },
      { kind: 'buried-disclosure', rule: 'buried.position', text: '#ad', detail: 'among 14 hashtags' },
      { kind: 'buried-disclosure', rule: 'buried.position', text: '#ad', detail: 'after the "more" fold' },
    ].map((c) => ({ ...c, lang: 'und', sources: [] })) as FindingWire['cues'];
    const clean = (l: string) => l.replace(/[\u200e\u200f\u2066-\u2069]/g, '');
    setMessages('en', MESSAGES.en);
    expect(cues.map((c) => clean(describeCue(c, t)))).toEqual([
      'Affiliate link: jasper.ai',
      'Link that hides where it goes: bit.ly',
      'The disclosure is hard to see (among 14 hashtags)',
      'The disclosure is hard to see (after the “more” fold)',
    ]);
    setMessages('ar', MESSAGES.ar);
    for (const line of cues.map((c) => clean(describeCue(c, t)))) {
      // Only the host is in Latin letters: no English rule or network names.
      expect(line.replace(/jasper\.ai|bit\.ly/, '')).not.toMatch(/[A-Za-z]/);
    }
  });

  test('a post that reads like an ad names the words that weighed most, in both languages', () => {
    const cue = {
      kind: 'ad-style',
      rule: 'style.ad-likeness',
      text: 'link below · 😍 · first month',
      detail: '0.94',
      lang: 'und',
      sources: ['ftc-101'],
    } as FindingWire['cues'][number];
    const clean = (l: string) => l.replace(/[\u200e\u200f\u2066-\u2069]/g, '');
    setMessages('en', MESSAGES.en);
    expect(clean(describeCue(cue, t))).toBe(
      'Reads like an ad as a whole (words such as link below · 😍 · first month)',
    );
    setMessages('ar', MESSAGES.ar);
    expect(clean(describeCue(cue, t))).toBe(
      'صياغته كلها صياغة إعلان (كلمات مثل link below · 😍 · first month)',
    );
  });

  test('other verdicts do not claim a missing disclosure', () => {
    setMessages('en', MESSAGES.en);
    expect(cueLines(finding({ verdict: 'promotion' }), t)[0]).not.toMatch(/No disclosure/);
  });
});

describe('sites', () => {
  test.each([
    ['https://www.x.com/home', 'x.com'],
    ['http://Sub.Example.org:8080/a', 'sub.example.org'],
    ['file:///home/me/a.pdf', null],
    ['chrome://extensions', null],
    [null, null],
  ])('siteOf(%s) = %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });

  test.each([
    ['example.com', 'example.com'],
    ['  https://WWW.Example.com/path?q=1 ', 'example.com'],
    ['news.example.co.uk', 'news.example.co.uk'],
    ['مثال.السعودية', 'xn--mgbh0fb.xn--mgberp4a5d4ar'],
    ['not a host', null],
    ['localhost', null],
    ['-bad-.com', null],
    ['', null],
    ['javascript:alert(1)', null],
  ])('normalizeSite(%s) = %s', (input, expected) => {
    expect(normalizeSite(input)).toBe(expected);
  });

  test('pause matching agrees with the settings rule, and resuming removes what covers the host', () => {
    const sites = ['example.org', 'x.com'];
    for (const host of ['example.org', 'www.example.org', 'news.example.org', 'notexample.org', 'x.com'])
      expect(pausedHere(sites, host)).toBe(isPaused({ pausedSites: sites } as never, host));
    expect(withPause(sites, 'news.example.org', false)).toEqual(['x.com']);
    expect(withPause(sites, 'news.example.org', true)).toEqual(sites);
    expect(withPause(['x.com'], 'linkedin.com', true)).toEqual(['x.com', 'linkedin.com']);
  });
});

describe('cueLines drops repeats', () => {
  test('a label and a disclosure with the same words, a phrase inside a longer one, products together', () => {
    setMessages('en', MESSAGES.en);
    const cue = (kind: CueKind, text: string, detail?: string) => ({
      kind,
      rule: 'r',
      text,
      lang: 'en',
      sources: [],
      ...(detail ? { detail } : {}),
    });
    const f = finding({
      verdict: 'sponsored',
      cues: [
        cue('disclosure', 'Sponsored'),
        cue('ai-product', 'Jasper', 'Jasper'),
        cue('cta', 'Start your free trial'),
        cue('cta', 'Start your'),
        cue('ai-product', 'jasper.ai', 'Jasper AI'),
        cue('platform-label', 'Sponsored'),
      ],
    });
    expect(cueLines(f, t).map((l) => l.replace(/[\u200e\u200f\u2066-\u2069]/g, ''))).toEqual([
      'Platform label: “Sponsored”',
      'Call to action: “Start your free trial”',
      'AI product: Jasper, Jasper AI',
    ]);
  });
});
