/**
 * The sources Basira cites. Every address here was marked *seen* in the project's source notes or
 * checked by hand; never add one that was not. The seed articles have no known address: rules
 * may name them for provenance, but the popup never cites them (CONCERN_SOURCES and the About
 * page cite only sources a reader can open).
 */
import type { Concern } from './engine/types';

export interface Source {
  title: string;
  publisher: string;
  url: string | null;
  year: string;
}

export const SOURCES = {
  'ftc-255': {
    title: 'Guides Concerning the Use of Endorsements and Testimonials in Advertising (16 CFR Part 255)',
    publisher: 'FTC / eCFR',
    url: 'https://www.ecfr.gov/current/title-16/chapter-I/subchapter-B/part-255',
    year: '2023',
  },
  'ftc-255-pr': {
    title: 'FTC announces updated guides to combat deceptive reviews and endorsements',
    publisher: 'FTC',
    url: 'https://www.ftc.gov/news-events/news/press-releases/2023/06/federal-trade-commission-announces-updated-advertising-guides-combat-deceptive-reviews-endorsements',
    year: '2023',
  },
  'ftc-faq': {
    title: "FTC's Endorsement Guides: What People Are Asking",
    publisher: 'FTC',
    url: 'https://www.ftc.gov/business-guidance/resources/ftcs-endorsement-guides-what-people-are-asking',
    year: '2023',
  },
  'ftc-101': {
    title: 'Disclosures 101 for Social Media Influencers',
    publisher: 'FTC',
    url: 'https://www.ftc.gov/business-guidance/resources/disclosures-101-social-media-influencers',
    year: '2019',
  },
  'ftc-hub': {
    title: 'Endorsements, Influencers, and Reviews',
    publisher: 'FTC',
    url: 'https://www.ftc.gov/business-guidance/advertising-marketing/endorsements-influencers-reviews',
    year: '',
  },
  'ftc-ai-claims': {
    title: 'Keep your AI claims in check',
    publisher: 'FTC Business Blog',
    url: 'https://www.ftc.gov/business-guidance/blog/2023/02/keep-your-ai-claims-check',
    year: '2023',
  },
  'ftc-ai-deception': {
    title: 'Chatbots, deepfakes, and voice clones: AI deception for sale',
    publisher: 'FTC Business Blog',
    url: 'https://www.ftc.gov/business-guidance/blog/2023/03/chatbots-deepfakes-voice-clones-ai-deception-sale',
    year: '2023',
  },
  'ftc-ai-comply': {
    title: 'FTC announces crackdown on deceptive AI claims and schemes (Operation AI Comply)',
    publisher: 'FTC',
    url: 'https://www.ftc.gov/news-events/news/press-releases/2024/09/ftc-announces-crackdown-deceptive-ai-claims-schemes',
    year: '2024',
  },
  'ftc-465-pr': {
    title: 'FTC final rule banning fake reviews and testimonials',
    publisher: 'FTC',
    url: 'https://www.ftc.gov/news-events/news/press-releases/2024/08/federal-trade-commission-announces-final-rule-banning-fake-reviews-testimonials',
    year: '2024',
  },
  'ftc-465': {
    title: '16 CFR Part 465, Consumer Reviews and Testimonials',
    publisher: 'eCFR',
    url: 'https://www.ecfr.gov/current/title-16/chapter-I/subchapter-D/part-465',
    year: '2024',
  },
  'ftc-dark': {
    title: 'Bringing Dark Patterns to Light',
    publisher: 'FTC',
    url: 'https://www.ftc.gov/reports/bringing-dark-patterns-light',
    year: '2022',
  },
  'ny-synthetic': {
    title: 'First-in-nation law requiring disclosure when advertisements include AI',
    publisher: 'New York State',
    url: 'https://www.governor.ny.gov/news/governor-hochul-announces-first-nation-law-requiring-disclosure-when-advertisements-include-ai',
    year: '2025',
  },
  'eu-ucpd': {
    title: 'Unfair Commercial Practices Directive 2005/29/EC (Annex I, point 11)',
    publisher: 'EUR-Lex',
    url: 'https://eur-lex.europa.eu/eli/dir/2005/29/oj',
    year: '2005',
  },
  'eu-ucpd-guidance': {
    title: 'Commission guidance on the Unfair Commercial Practices Directive (2021/C 526/01)',
    publisher: 'European Commission',
    url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52021XC1229(05)',
    year: '2021',
  },
  'eu-sweep-2024': {
    title: 'Online influencers rarely disclose commercial content (97% post it, 20% consistently disclose)',
    publisher: 'European Commission',
    url: 'https://ec.europa.eu/commission/presscorner/detail/en/ip_24_708',
    year: '2024',
  },
  'eu-hub': {
    title: 'Influencer Legal Hub',
    publisher: 'European Commission',
    url: 'https://commission.europa.eu/topics/consumers/consumer-rights-and-complaints/influencer-legal-hub_en',
    year: '2023',
  },
  'eu-shops-2023': {
    title: 'Manipulative practices found on 148 of 399 online shops',
    publisher: 'European Commission',
    url: 'https://ec.europa.eu/commission/presscorner/detail/en/ip_23_418',
    year: '2023',
  },
  'eu-dsa-26': {
    title: 'Digital Services Act, Art. 26 (advertising transparency)',
    publisher: 'EUR-Lex',
    url: 'https://eur-lex.europa.eu/eli/reg/2022/2065/oj',
    year: '2022',
  },
  'eu-ai-act-50': {
    title: 'AI Act, Regulation (EU) 2024/1689, Art. 50 (transparency)',
    publisher: 'EUR-Lex',
    url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
    year: '2024',
  },
  'eu-ai-act-faq': {
    title: 'Transparency obligations under Article 50 AI Act (FAQ)',
    publisher: 'European Commission',
    url: 'https://digital-strategy.ec.europa.eu/en/faqs/transparency-obligations-under-article-50-ai-act',
    year: '2025',
  },
  'asa-guide': {
    title: "Influencers' guide to making clear that ads are ads",
    publisher: 'ASA / CAP with CMA',
    url: 'https://www.asa.org.uk/resource/influencers-guide.html',
    year: '2023',
  },
  'cma-guide': {
    title: 'Social media endorsements: guide for influencers',
    publisher: 'CMA',
    url: 'https://www.gov.uk/government/publications/social-media-endorsements-guide-for-influencers',
    year: '2019',
  },
  'cma-fake-reviews': {
    title: 'Fake reviews guidance (CMA208)',
    publisher: 'CMA',
    url: 'https://assets.publishing.service.gov.uk/media/67eeb64fe9c76fa33048c790/CMA208_-_Fake_reviews_guidance.pdf',
    year: '2025',
  },
  'uae-permit': {
    title: 'تصريح مُعلِن — Advertiser Permit',
    publisher: 'UAE Media Council',
    url: 'https://uaemc.gov.ae/en/%D8%AA%D8%B5%D8%B1%D9%8A%D8%AD-%D9%85%D8%B9%D9%84%D9%86/',
    year: '2025',
  },
  'uae-media-law': {
    title: 'مرسوم بقانون اتحادي رقم (55) لسنة 2023 في شأن تنظيم الإعلام',
    publisher: 'UAE Legislation',
    url: 'https://uaelegislation.gov.ae/en/legislations/2145',
    year: '2023',
  },
  'sa-mawthooq': {
    title: 'ترخيص موثوق — Mawthooq licence for individual advertisers',
    publisher: 'General Authority for Media Regulation',
    url: 'https://elaam.gamr.gov.sa/?check-celebrity-license',
    year: '2022',
  },
  'sa-mawthooq-rules': {
    title: 'تعرف على الضوابط الجديدة لترخيص موثوق',
    publisher: 'Arab Khabar, citing the regulator',
    url: 'https://www.arabkhabar.com/a/372625',
    year: '2023',
  },
  'sa-commerce-2021': {
    title: '4 ضوابط إلزامية للإعلان في منصات التواصل',
    publisher: 'Al-Mowaten, citing the Ministry of Commerce',
    url: 'https://www.almowaten.net/?p=3342258',
    year: '2021',
  },
  'sa-pdpl': {
    title: 'نظام حماية البيانات الشخصية (Personal Data Protection Law)',
    publisher: 'SDAIA',
    url: 'https://dgp.sdaia.gov.sa/wps/portal/pdp/knowledgecenter/details/GPDPL',
    year: '2023',
  },
  'uae-pdpl': {
    title: 'Data protection laws (Federal Decree-Law 45 of 2021)',
    publisher: 'u.ae',
    url: 'https://u.ae/en/about-the-uae/digital-uae/data/data-protection-laws',
    year: '2021',
  },
  gdpr: {
    title: 'General Data Protection Regulation (EU) 2016/679',
    publisher: 'EUR-Lex',
    url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
    year: '2016',
  },
  ccpa: {
    title: 'California Consumer Privacy Act',
    publisher: 'California Attorney General',
    url: 'https://oag.ca.gov/privacy/ccpa',
    year: '2018',
  },
  'pew-2025': {
    title: 'How Americans View AI and Its Impact on People and Society',
    publisher: 'Pew Research Center',
    url: 'https://www.pewresearch.org/science/2025/09/17/how-americans-view-ai-and-its-impact-on-people-and-society/',
    year: '2025',
  },
  'pew-2025-experts': {
    title: 'How the U.S. Public and AI Experts View Artificial Intelligence',
    publisher: 'Pew Research Center',
    url: 'https://www.pewresearch.org/internet/2025/04/03/how-the-us-public-and-ai-experts-view-artificial-intelligence/',
    year: '2025',
  },
  'rp-2026': {
    title: 'Pół miliona dolarów za jeden post? (coverage of the CNBC report on AI creator deals)',
    publisher: 'Rzeczpospolita',
    url: 'https://cyfrowa.rp.pl/ai/art43769531-pol-miliona-dolarow-za-jeden-post-tak-big-tech-kupuje-milosc-do-ai',
    year: '2026',
  },
  'mathur-2018': {
    title:
      'Endorsements on Social Media: An Empirical Study of Affiliate Marketing Disclosures on YouTube and Pinterest',
    publisher: 'ACM CSCW',
    url: 'https://doi.org/10.1145/3274388',
    year: '2018',
  },
  'mathur-2018-filters': {
    title: 'Affiliate URL filters released with "Endorsements on Social Media" (affiliate.txt)',
    publisher: 'Mathur, Narayanan & Chetty (GitHub)',
    url: 'https://github.com/aruneshmathur/affiliate-marketing-disclosures',
    year: '2018',
  },
  adintuition: {
    title: 'AdIntuition: the affiliate and UTM link patterns it flagged on YouTube',
    publisher: 'AdIntuition (GitHub)',
    url: 'https://github.com/mike-swart/AdIntuition',
    year: '2020',
  },
  'ebay-epn-link': {
    title: 'Creating an EPN (eBay Partner Network) tracking link',
    publisher: 'eBay Developers Program',
    url: 'https://developer.ebay.com/api-docs/buy/static/ref-epn-link.html',
    year: '',
  },
  'awin-links': {
    title: 'What does an affiliate link look like?',
    publisher: 'Awin',
    url: 'https://success.awin.com/articles/en_US/Knowledge/What-does-an-affiliate-link-look-like',
    year: '',
  },
  'impact-links': {
    title: 'Sub ID & Shared ID parameters explained for partners (tracking link format)',
    publisher: 'impact.com',
    url: 'https://help.impact.com/en/support/solutions/articles/48001235417-sub-id-shared-id-parameters-explained-for-partners',
    year: '',
  },
  'clickbank-hoplinks': {
    title: 'HopLinks overview',
    publisher: 'ClickBank',
    url: 'https://support.clickbank.com/hc/en-us/articles/220365867-HopLinks-Overview-',
    year: '',
  },
  'booking-aid': {
    title: 'Affiliate ID (AID): everything you need to know',
    publisher: 'Booking.com Affiliate Partner Programme',
    url: 'https://affiliates-support.booking.com/hc/en-us/articles/360031145172-Affiliate-ID-AID-everything-you-need-to-know',
    year: '',
  },
  'skimlinks-amp': {
    title: 'amp-skimlinks: how Skimlinks builds its go.skimresources.com affiliate links',
    publisher: 'AMP Project (GitHub)',
    url: 'https://github.com/ampproject/amphtml/blob/07526a1d22fb450cfffb0b893836b6916765dab9/extensions/amp-skimlinks/0.1/waypoint.js',
    year: '2018',
  },
  'amazon-sitestripe': {
    title: 'SiteStripe Help (short links carry the Associate ID)',
    publisher: 'Amazon Associates',
    url: 'https://affiliate-program.amazon.in/help/node/topic/GJMMT7G4C8K4Y3AY',
    year: '',
  },
  'audible-affiliate': {
    title: 'Audible Affiliate Agreement (podcast and website affiliates)',
    publisher: 'Audible',
    url: 'https://audibletrial.affiliate-reporting.com/Welcome/signupTerms.aspx',
    year: '',
  },
  'acx-bounty': {
    title: 'Announcing the ACX Bounty Referral Program',
    publisher: 'ACX (Audible)',
    url: 'https://blog.acx.com/2018/07/17/announcing-the-acx-bounty-referral-program/',
    year: '2018',
  },
  'mathur-2019': {
    title: 'Dark Patterns at Scale: Findings from a Crawl of 11K Shopping Websites',
    publisher: 'ACM CSCW',
    url: 'https://doi.org/10.1145/3359183',
    year: '2019',
  },
  'boerman-2017': {
    title: '"This Post Is Sponsored": effects of sponsorship disclosure on persuasion knowledge',
    publisher: 'Journal of Interactive Marketing',
    url: 'https://doi.org/10.1016/j.intmar.2016.12.002',
    year: '2017',
  },
  'platform-ai-labels-meta': {
    title: 'Labeling AI content',
    publisher: 'Meta',
    url: 'https://transparency.meta.com/governance/tracking-impact/labeling-ai-content/',
    year: '2024',
  },
  'platform-ai-labels-youtube': {
    title: 'Altered or synthetic content',
    publisher: 'YouTube',
    url: 'https://support.google.com/youtube/answer/14328491',
    year: '2024',
  },
  'ali-2019': {
    title: "Discrimination through Optimization: How Facebook's Ad Delivery Can Lead to Skewed Outcomes",
    publisher: 'ACM CSCW / arXiv',
    url: 'https://arxiv.org/abs/1904.02095',
    year: '2019',
  },
  'seed-000': {
    title:
      'Tech firms open their coffers: big AI campaigns meet creators who refuse (Arabic news, citing CNBC and Sensor Tower)',
    publisher: 'Seed article 000',
    url: null,
    year: '2025',
  },
  'seed-001': {
    title: 'Ethical considerations in AI-driven marketing: privacy, bias and transparency (Arabic essay)',
    publisher: 'Seed article 001',
    url: null,
    year: '2025',
  },
  'seed-002': {
    title: 'DeepSeek, the AI race and the great collective FOMO (Arabic essay)',
    publisher: 'Seed article 002',
    url: null,
    year: '2025',
  },
  'seed-003': {
    title: 'Marketing ethics in the AI era (Arabic essay)',
    publisher: 'Seed article 003',
    url: null,
    year: '2025',
  },
  'seed-004': {
    title: 'Musk courts advertisers at VivaTech (Arabic news)',
    publisher: 'Seed article 004',
    url: null,
    year: '2023',
  },
} as const satisfies Record<string, Source>;

export type SourceKey = keyof typeof SOURCES;
export const SOURCE_KEYS = Object.keys(SOURCES) as SourceKey[];

/** Sources for each concern the popup explains. */
export const CONCERN_SOURCES: Record<Concern, SourceKey[]> = {
  'undisclosed-endorsement': [
    'ftc-255',
    'ftc-101',
    'ftc-faq',
    'eu-ucpd',
    'eu-sweep-2024',
    'eu-hub',
    'asa-guide',
    'uae-permit',
    'sa-mawthooq',
    'sa-commerce-2021',
    'mathur-2018',
  ],
  'ambiguous-or-buried-disclosure': ['ftc-101', 'asa-guide', 'eu-sweep-2024'],
  'affiliate-incentive': ['mathur-2018', 'eu-hub', 'ftc-255'],
  'fomo-urgency': ['mathur-2019', 'ftc-dark', 'eu-shops-2023'],
  'ai-washing': ['ftc-ai-claims', 'ftc-ai-comply', 'ftc-ai-deception'],
  'fake-reviews': ['ftc-465', 'ftc-465-pr', 'cma-fake-reviews'],
  'ai-ad-spend': ['rp-2026', 'pew-2025', 'pew-2025-experts'],
  'data-privacy': ['gdpr', 'ccpa', 'sa-pdpl', 'uae-pdpl'],
  'targeting-bias': ['ali-2019'],
  'synthetic-media': [
    'eu-ai-act-50',
    'eu-ai-act-faq',
    'ny-synthetic',
    'platform-ai-labels-meta',
    'platform-ai-labels-youtube',
  ],
  'ad-transparency': ['eu-dsa-26'],
};
