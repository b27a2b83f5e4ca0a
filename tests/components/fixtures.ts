/** Findings, states and locale messages for the component tests and the popup benchmark. */
import ar from '../../public/_locales/ar/messages.json';
import en from '../../public/_locales/en/messages.json';
import type { Messages } from '../../utils/i18n';
import type { FindingWire, TabState } from '../../utils/protocol';

export const MESSAGES = { en: en as Messages, ar: ar as Messages };

const PROMO =
  '🚀 This AI video tool is a total game changer. Use code NEWS30 for 30% off — link below! #collab';

export function finding(overrides: Partial<FindingWire> = {}): FindingWire {
  return {
    id: 'g-div-3',
    verdict: 'undisclosed',
    topic: 'ai',
    confidence: 0.9,
    cues: [
      {
        kind: 'hype',
        rule: 'en.hype.superlatives',
        text: 'game changer',
        lang: 'en',
        start: 33,
        end: 45,
        sources: [],
      },
      {
        kind: 'promo-code',
        rule: 'en.code.promo-code',
        text: 'Use code NEWS30',
        lang: 'en',
        start: 47,
        end: 62,
        sources: [],
      },
      {
        kind: 'ambiguous-disclosure',
        rule: 'en.disclosure.ambiguous',
        text: '#collab',
        lang: 'en',
        start: 89,
        end: 96,
        sources: [],
      },
      {
        kind: 'affiliate-link',
        rule: 'link.tolt-tapfiliate',
        text: 'https://www.invideo.io/?ref=newsdesk',
        lang: 'und',
        sources: [],
        detail: 'invideo.io — Tolt referral',
      },
      {
        kind: 'discourse',
        rule: 'en.discourse.reporting',
        text: 'AI',
        lang: 'en',
        start: 8,
        end: 10,
        sources: [],
      },
    ],
    concerns: ['undisclosed-endorsement', 'affiliate-incentive', 'fomo-urgency'],
    excerpt: PROMO,
    snippet: PROMO,
    snippetStart: 0,
    products: ['invideo'],
    platform: 'generic',
    author: null,
    order: 1,
    ...overrides,
  };
}

export const SPONSORED: FindingWire = finding({
  id: 'g-aside-1',
  verdict: 'sponsored',
  confidence: 1,
  cues: [
    {
      kind: 'disclosure',
      rule: 'en.disclosure.sponsored-by',
      text: 'Sponsored',
      lang: 'en',
      start: 0,
      end: 9,
      sources: [],
    },
    {
      kind: 'ai-product',
      rule: 'ai.jasper',
      text: 'Jasper',
      lang: 'und',
      start: 55,
      end: 61,
      sources: [],
      detail: 'Jasper',
    },
  ],
  concerns: ['ad-transparency'],
  excerpt: 'Sponsored Write a month of posts in one afternoon with Jasper, the AI copywriter.',
  snippet: 'Sponsored Write a month of posts in one afternoon with Jasper, the AI copywriter.',
  platform: 'x',
  author: '@jasper_fan',
  order: 0,
});

export function tabState(findings: FindingWire[], overrides: Partial<TabState> = {}): TabState {
  return {
    url: 'https://www.news.example.org/2025/ai-creator-deals',
    platform: 'generic',
    status: 'done',
    findings,
    count: findings.length,
    ...overrides,
  };
}
