/**
 * Every adapter that reads labels reads split ones whole (labels.ts), LinkedIn knows a promoted card
 * by structure, localized text and accessible names, and a news page's ad slots are neither items
 * nor their articles' labels.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { type Adapter, findItems } from '@/utils/adapters/adapter';
import { facebook } from '@/utils/adapters/facebook';
import { generic, isAdSlot } from '@/utils/adapters/generic';
import { instagram } from '@/utils/adapters/instagram';
import { linkedin, trackingScopeSponsored } from '@/utils/adapters/linkedin';
import { reddit } from '@/utils/adapters/reddit';
import { tiktok } from '@/utils/adapters/tiktok';
import { x } from '@/utils/adapters/x';
import { youtube } from '@/utils/adapters/youtube';

const items = (adapter: Adapter, body: string, url: string) => {
  const { document } = parseHTML(`<!doctype html><html lang="en"><body>${body}</body></html>`);
  return findItems(adapter, document as unknown as Document, new URL(url)).map((f) => f.input);
};

describe('split labels on every platform adapter', () => {
  test.each([
    [
      'x: "Ad" split in two spans with a decoy letter',
      x,
      'https://x.com/home',
      '<article data-testid="tweet"><div><div><span>A</span><span style="display:none">q</span><span>d</span></div></div><div data-testid="tweetText" lang="en">Meet the AI notebook that writes your meeting notes.</div></article>',
      'Ad',
    ],
    [
      'tiktok: "Paid partnership" split across spans in a div',
      tiktok,
      'https://www.tiktok.com/foryou',
      '<div data-e2e="recommend-list-item-container"><div class="tag"><span>Paid</span> <span>partnership</span></div><div data-e2e="video-desc">my AI study planner did my whole week in a minute</div></div>',
      'Paid partnership',
    ],
    [
      'youtube: a badge with a visible copy hidden from screen readers and an accessible copy',
      youtube,
      'https://www.youtube.com/',
      '<ytd-rich-item-renderer><a id="video-title" href="/watch?v=abcdefghijk">An AI editor review</a><ytd-badge-supported-renderer><div class="badge"><span aria-hidden="true">Sponsored</span><span class="visually-hidden">Sponsored</span></div></ytd-badge-supported-renderer></ytd-rich-item-renderer>',
      'Sponsored',
    ],
    [
      'reddit: a promoted tag split in two',
      reddit,
      'https://old.reddit.com/',
      '<div class="thing link" data-fullname="t3_abc"><a class="title" href="https://old.reddit.com/r/x/1">Try our AI resume writer</a><span class="promoted-tag"><span>Pro</span><span>moted</span></span></div>',
      'Promoted',
    ],
    [
      'instagram: "Paid partnership with" and the brand in blocks of their own',
      instagram,
      'https://www.instagram.com/',
      '<article><header><div><a href="/maya/">maya</a></div><div><div><span>Paid partnership with</span></div><div><a href="/lumen.notes/">lumen.notes</a></div></div></header><div><span dir="auto">My notes app reads my handwriting now</span></div></article>',
      'Paid partnership with lumen.notes',
    ],
    [
      'facebook: the real word only through aria-labelledby',
      facebook,
      'https://www.facebook.com/',
      '<div role="article"><div><h4><a href="/inkwell">Inkwell</a></h4></div><div><a aria-labelledby="r9" href="/ads/about/"><svg><use href="#t"></use></svg></a></div><div data-ad-preview="message">Replies that sound like you, written by AI.</div></div><span id="r9" style="display:none">Sponsored</span>',
      'Sponsored',
    ],
  ])('%s', (_name, adapter, url, body, want) => {
    const [item] = items(adapter, body, url);
    expect(item?.labels).toContain(want);
  });

  test('instagram: the username and the location are never labels', () => {
    const [item] = items(
      instagram,
      '<article><header><div><a href="/ad.venture.eats/">ad.venture.eats</a></div><div><a href="/explore/locations/1/ad-astra/">Ad Astra Coffee</a></div></header><div><span dir="auto">Best flat white in town</span></div></article>',
      'https://www.instagram.com/',
    );
    expect(item?.labels.filter((l) => /^ad\b/i.test(l))).toEqual([]);
  });
});

const card = (actor: string, attrs = '', body = 'Our AI assistant drafts replies for your support team.') =>
  `<div class="feed-shared-update-v2" data-urn="urn:li:activity:1" ${attrs}><div class="update-components-actor"><span class="update-components-actor__title"><span aria-hidden="true">Acme</span><span class="visually-hidden">Acme</span></span>${actor}</div><div class="update-components-text">${body}</div></div>`;

describe('linkedin: a promoted card, three ways', () => {
  const read = (html: string) => items(linkedin, html, 'https://www.linkedin.com/feed/')[0]!;
  test.each([
    [
      'localized text, visible copy hidden from screen readers',
      card(
        '<span class="update-components-actor__description"><span aria-hidden="true">Promoted</span><span class="visually-hidden">Promoted</span></span>',
      ),
      ['Promoted'],
    ],
    [
      'Arabic',
      card(
        '<span class="update-components-actor__description"><span aria-hidden="true">تم الترويج •</span><span class="visually-hidden">تم الترويج</span></span>',
      ),
      ['تم الترويج'],
    ],
    [
      'a locale the packs do not read: the English label too',
      card('<span class="update-components-actor__sub-description">Promovido</span>'),
      ['Promoted', 'Promovido'],
    ],
    [
      'only an accessible name',
      card('<span class="update-components-actor__sub-description" aria-label="Promoted"><svg></svg></span>'),
      ['Promoted'],
    ],
    [
      '"Promoted by" + the company link, in the header',
      card('').replace(
        '<div class="update-components-actor">',
        '<div class="update-components-header"><span>Promoted by </span><a href="/company/acme/">Acme</a></div><div class="update-components-actor">',
      ),
      ['Promoted by Acme'],
    ],
    [
      'structure: a base64 tracking scope with a sponsored breadcrumb',
      card('', `data-view-tracking-scope="${btoa('[{"breadcrumb":{"content":{"type":"sponsored"}}}]')}"`),
      ['Promoted'],
    ],
    [
      'structure: a sponsored-content urn on the list item',
      `<div data-id="urn:li:sponsoredContentV2:(urn:li:ugcPost:9,urn:li:sponsoredCreative:8)">${card('')}</div>`,
      ['Promoted'],
    ],
    [
      'the label outside the known classes (a changed build), read as a whole short text',
      '<div class="feed-shared-update-v2" data-urn="urn:li:activity:2"><div class="fie-actor-2025"><span>Acme</span><span><span aria-hidden="true">Promoted</span><span class="visually-hidden">Promoted</span></span></div><div class="update-components-text">Our AI assistant drafts replies.</div></div>',
      ['Promoted'],
    ],
    [
      'organic: "Promoted" in the post text or a comment is not a label',
      '<div class="feed-shared-update-v2" data-urn="urn:li:activity:3"><div class="update-components-text">Promoted<br>Thanks, team!</div><div class="comments-comment-item"><span>Promoted</span></div></div>',
      [],
    ],
    [
      'organic: a headline starting with "Promoted" is not a label',
      card('<span class="update-components-actor__description">Promoted to Ad Ops Lead at Northwind</span>'),
      [],
    ],
    [
      'organic: a tracking scope that says it is not sponsored',
      card('', `data-view-tracking-scope='[{"content":{"isSponsored":false}}]'`),
      [],
    ],
  ])('%s', (_name, html, want) => {
    expect(read(html).labels).toEqual(want);
  });

  test('a promoted image ad with no commentary is read by its headline', () => {
    const html = card('<span class="update-components-actor__description">Promoted</span>', '', '').replace(
      '<div class="update-components-text"></div>',
      '<div class="update-components-article__title">Try the Acme AI writer free</div>',
    );
    expect(read(html).text).toContain('Try the Acme AI writer free');
  });

  test.each([
    ['[{"breadcrumb":{"type":"sponsored"}}]', true],
    [btoa('[{"breadcrumb":{"content":{"type":"sponsored"}}}]'), true],
    [
      `[{"breadcrumb":{"content":{"data":[${[...'{"type":"sponsored"}'].map((c) => c.charCodeAt(0)).join(',')}],"type":"Buffer"}}}]`,
      true,
    ],
    ['[{"breadcrumb":{"content":{"isSponsored":false}}}]', false],
    [btoa('[{"breadcrumb":{"content":{"data":[5,116]}}}]'), false],
    ['W3siYnJlYWRjcnVtYiI6eyJjb250ZW50Ijp7ImRhdGEiOls1LDExNl19fX1d', false],
    ['', false],
  ])('trackingScopeSponsored(%s) = %s', (scope, want) => {
    expect(trackingScopeSponsored(scope)).toBe(want);
  });
});

describe('generic: ad slots are the page’s inventory', () => {
  const el = (html: string) =>
    parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body
      .firstElementChild as unknown as Element;
  test.each([
    ['<div class="ad-slot"></div>', true],
    ['<div class="ad-container"></div>', true],
    ['<div id="div-gpt-ad-1741-0"></div>', true],
    ['<div data-native-ad-id="na-1"></div>', true],
    ['<div data-google-query-id="CK1"></div>', true],
    ['<section class="sponsorship-unit"></section>', true],
    ['<div class="ads rail"></div>', true],
    ['<div class="ad-label"></div>', false],
    ['<span class="ad-slot"></span>', false],
    ['<div class="head-container"></div>', false],
    ['<div class="thread-wrapper"></div>', false],
    ['<div class="sponsor-byline"></div>', false],
    ['<div class="load-more"></div>', false],
    // An AI page's own output box, a Facebook message: not ad slots.
    ['<div class="gpt-output"></div>', false],
    ['<div data-ad-preview="message"></div>', false],
  ])('isAdSlot(%s) = %s', (html, want) => {
    expect(isAdSlot(el(html))).toBe(want);
  });

  const page = (body: string) => items(generic, body, 'https://news.example.org/story');
  test.each([
    [
      'an empty labelled slot',
      '<div class="ad-slot"><p class="ad-slot__label">Advertisement</p><iframe></iframe></div>',
    ],
    [
      '"Advertiser Content From" and the advertiser’s name',
      '<div class="native-ad" data-native-ad-id="na-1"><span class="native-ad__label">Advertiser Content From</span> <span>Fernhill Savings</span></div>',
    ],
    [
      'a sponsorship unit with a logo',
      '<div class="sponsorship-unit"><span class="sponsorship-unit__label">Sponsored by</span><img alt=""></div>',
    ],
  ])('%s is not an item', (_name, body) => {
    expect(page(body)).toEqual([]);
  });

  test('a filled ad unit is an item with its label', () => {
    const [ad] = page(
      '<div class="ad-unit"><span class="ad-label">Sponsored</span><p>Write a month of posts in one afternoon with an AI copywriter.</p></div>',
    );
    expect(ad?.labels).toEqual(['Sponsored']);
  });

  test('slots inside or beside an article lend it neither label nor text', () => {
    const [story, ...rest] = page(
      `<article><header><h1>City tests AI traffic lights</h1></header><p>${'The pilot runs for six months on three avenues, and the council will review the results. '.repeat(2)}</p><div class="native-ad" data-native-ad-id="na-2"><span class="native-ad__label">Advertiser Content From</span></div><p class="advert-label">ADVERTISEMENT</p><div id="div-gpt-ad-1"><iframe></iframe></div><div class="sponsor-block"><span class="sponsor-block__label">Sponsored by</span></div><p>More on the pilot next week.</p></article>`,
    );
    expect(rest).toEqual([]);
    expect(story?.labels).toEqual([]);
    expect(story?.text).not.toMatch(/advertis|sponsored/i);
  });

  test('an article labelled in its own header and byline keeps its labels', () => {
    const [story] = page(
      `<article><header><p class="kicker">Sponsored</p><h2>How an AI assistant cut clinic waits</h2><div class="sponsor-byline"><span>Paid post by</span> <a href="https://northbeam.example/">Northbeam</a></div></header><p>${'Northbeam fills cancelled appointments automatically for clinics. '.repeat(3)}</p></article>`,
    );
    expect(story?.labels).toEqual(expect.arrayContaining(['Sponsored', 'Paid post by Northbeam']));
  });
});
