/**
 * Memory's pure half: what one finding leaves in the ledger, and what the ledger tells the engine
 * about the next post. No storage, no browser API: the background (IndexedDB), the CLI
 * (`scan --memory`, in memory) and the tests all run this code.
 *
 * The graph is author → brand: an edge exists only when a post by that author carried a
 * *disclosed or labelled* partnership with the brand. A mere mention, a code or a link creates
 * none (they are recorded as ties of their own post, for the insights page, but never become
 * evidence against another post). Different authors, or one handle on two platforms, never share
 * history.
 */

import { partnerOfLabel } from '../engine/cues/platform-label';
import { FLAGGED, type Platform, type PriorPartnership, type Topic, type Verdict } from '../engine/types';
import { postKey as hideKeyOf } from '../feedback-match';
import type { FindingWire } from '../protocol';
import { siteOf } from '../ui/hosts';

/** How a post tied itself to a brand. */
export const TIE_KINDS = [
  'label',
  'disclosure',
  'partner-tag',
  'affiliate-link',
  'code',
  'referral',
  'prior-partnership',
] as const;
export type TieKind = (typeof TIE_KINDS)[number];

export interface Tie {
  brand: string;
  kind: TieKind;
}

/** One post in the ledger. */
export interface LedgerEntry {
  /** platform + host + post id: a post seen again replaces its entry, never adds one. */
  key: string;
  /** When the person saw it (ms since the epoch). */
  date: number;
  platform: Platform;
  host: string;
  postId: string;
  /** The author's handle as the platform shows it, or null (articles). */
  author: string | null;
  verdict: Verdict;
  topic: Topic | null;
  ties: Tie[];
  /** Products the post named (display names). */
  products: string[];
  cueKinds: string[];
  rules: string[];
  /** The label or disclosure words that make it a partnership ("Paid partnership with HeyGen"). */
  words?: string;
  /** The post's "This is wrong" key (a hash of its platform, author and opening words; no words). */
  hideKey?: string;
  /** Only when the person keeps page addresses (off by default). */
  url?: string;
  excerpt?: string;
}

/** What the background knows of the post besides its finding. */
export interface SeenPost {
  id: string;
  text: string;
  labels: readonly string[];
  platform: Platform;
  author?: string | null;
  url?: string | null;
}

const MAX_TIES = 12;
/** How far before and after a written disclosure the brand it discloses is looked for (characters). */
const NEAR_BEFORE = 40;
const NEAR_AFTER = 60;

/**
 * Platforms whose adapters give a stable handle or channel for the author (@maya, u/maya, a
 * channel). Facebook's header names a page, a group or a person by display name, LinkedIn's a
 * person by display name, and articles have none: two different people could share one, so those
 * posts get no history.
 */
const HANDLED: ReadonlySet<Platform> = new Set(['x', 'instagram', 'tiktok', 'reddit', 'youtube']);
/** Authors that are no one in particular. */
const NO_ONE = new Set(['[deleted]', 'deleted', '[removed]', 'automoderator', 'anonymous']);

/** One author on one platform: "x|@maya". Case and a leading "@" or trailing "/" do not matter. */
export function authorKey(platform: Platform, author: string | null | undefined): string | null {
  if (!HANDLED.has(platform)) return null;
  const a = author
    ?.trim()
    .toLowerCase()
    .replace(/^@+|\/+$/g, '')
    .replace(/^u\//, '');
  return a && !NO_ONE.has(a) ? `${platform}|${a}` : null;
}

/** A brand's handle without the usual suffixes: @heygen_official → heygen. */
const HANDLE = /(?<![\p{L}\p{N}_@])@([\p{L}\p{N}_.]{2,30})/gu;
const HANDLE_SUFFIX = /[._]?(?:official|hq|app|ai|io|labs|inc)$/i;
/** A partner hashtag: #heygenpartner, #NotionAmbassador. */
const PARTNER_TAG = /#([\p{L}\p{N}]{2,30}?)_?(?:partner|ambassador)(?![\p{L}\p{N}_])/giu;

const clean = (brand: string) => brand.replace(/\s+/g, ' ').trim().slice(0, 60);
const same = (a: string, b: string) =>
  a.toLowerCase().replace(/[\s._-]/g, '') === b.toLowerCase().replace(/[\s._-]/g, '');

/**
 * The brands a post ties itself to, each with the strongest kind of tie the post shows: its
 * platform label's brand, products named beside a disclosure, a code, a referral or an affiliate
 * link, partner hashtags, and the brands handles a disclosed post thanks.
 */
export function tiesOf(finding: FindingWire, post: SeenPost): Tie[] {
  const ties: Tie[] = [];
  const add = (brand: string | null | undefined, kind: TieKind) => {
    if (!brand) return;
    const b = clean(brand);
    if (b.length < 2 || ties.length >= MAX_TIES) return;
    // An author's own handle is not a brand they partner with.
    if (post.author && same(b, post.author.replace(/^@/, ''))) return;
    const at = ties.findIndex((t) => same(t.brand, b));
    if (at < 0) ties.push({ brand: b, kind });
    else if (TIE_KINDS.indexOf(kind) < TIE_KINDS.indexOf(ties[at]!.kind))
      ties[at] = { brand: ties[at]!.brand, kind };
  };
  const kinds = new Set(finding.cues.map((c) => c.kind));
  const products = finding.products;
  for (const c of finding.cues) if (c.kind === 'platform-label') add(partnerOfLabel(c.text), 'label');
  for (const m of post.text.matchAll(PARTNER_TAG)) add(m[1], 'partner-tag');
  // A written disclosure ties the brand it stands beside ("#ad HeyGen just shipped…", "sponsored
  // by Notion", "#ad thanks @glowco"), not every name in the post: a product mentioned in passing
  // or a photographer's handle is no partner.
  const near = finding.cues
    .filter((c) => (c.kind === 'disclosure' || c.kind === 'buried-disclosure') && c.start !== undefined)
    .map((c) => [c.start! - NEAR_BEFORE, c.end! + NEAR_AFTER] as const);
  const isNear = (at: number) => near.some(([from, to]) => at >= from && at <= to);
  if (near.length > 0) {
    for (const c of finding.cues)
      if (c.kind === 'ai-product' && c.start !== undefined && isNear(c.start))
        add(c.detail ?? c.text, 'disclosure');
    for (const m of post.text.matchAll(HANDLE))
      if (isNear(m.index)) add(m[1]!.replace(HANDLE_SUFFIX, ''), 'disclosure');
  }
  for (const c of finding.cues) {
    if (c.kind === 'affiliate-link') {
      const host = siteOf(c.text) ?? '';
      const product = products.find((p) => host.includes(p.toLowerCase().replace(/\s+/g, '')));
      add(product ?? host.split('.').slice(-2, -1)[0], 'affiliate-link');
    }
  }
  const coded = kinds.has('promo-code');
  const referred = kinds.has('referral');
  for (const p of products) {
    if (coded) add(p, 'code');
    if (referred) add(p, 'referral');
  }
  for (const c of finding.cues)
    if (c.kind === 'prior-partnership' && c.detail) add(c.detail, 'prior-partnership');
  return ties;
}

/** Whether a finding is kept: every flagged finding, and every disclosed or labelled partnership even when out of scope. */
export function worthKeeping(finding: FindingWire): boolean {
  return FLAGGED.has(finding.verdict);
}

/**
 * The ledger entry of one finding, or null. Page addresses and excerpts are kept only when the
 * person chose to (`keepPages`); otherwise the host and the post's id are all that say where.
 */
export function entryFrom(
  finding: FindingWire,
  post: SeenPost,
  date: number,
  keepPages: boolean,
): LedgerEntry | null {
  // Every flagged finding is kept, a disclosed or labelled partnership even when out of scope.
  if (!FLAGGED.has(finding.verdict)) return null;
  const host = siteOf(post.url) ?? '';
  const ties = tiesOf(finding, post);
  const partnership = ties.some(
    (t) => t.kind === 'label' || t.kind === 'disclosure' || t.kind === 'partner-tag',
  );
  const words =
    finding.cues.find((c) => c.kind === 'platform-label')?.text ??
    finding.cues.find((c) => c.kind === 'disclosure' || c.kind === 'buried-disclosure')?.text;
  return {
    key: `${post.platform}|${host}|${post.id}`,
    date,
    platform: post.platform,
    host,
    postId: post.id,
    author: post.author?.trim().slice(0, 200) || null,
    verdict: finding.verdict,
    topic: finding.topic,
    ties,
    products: finding.products.slice(0, 20),
    cueKinds: [...new Set(finding.cues.map((c) => c.kind))],
    rules: [...new Set(finding.cues.map((c) => c.rule))].slice(0, 40),
    ...(partnership && words ? { words: words.replace(/\s+/g, ' ').trim().slice(0, 200) } : {}),
    hideKey: hideKeyOf(finding),
    ...(keepPages ? { url: permalinkOf(post).slice(0, 2000), excerpt: finding.excerpt.slice(0, 300) } : {}),
  };
}

/**
 * The post's own address where its id says it (an X status, an Instagram post, a YouTube video, a
 * Reddit thread, a LinkedIn update, a TikTok video); else the page it was seen on.
 */
export function permalinkOf(post: Pick<SeenPost, 'id' | 'platform' | 'author' | 'url'>): string {
  const id = post.id.replace(/^[a-z]+-/, '');
  const handle = post.author?.replace(/^@/, '');
  const link =
    post.platform === 'x' && /^\d{5,25}$/.test(id)
      ? `https://x.com/i/status/${id}`
      : post.platform === 'instagram' && /^[\w-]{5,40}$/.test(id) && !/^\d+-/.test(id)
        ? `https://www.instagram.com/p/${id}/`
        : post.platform === 'youtube' && /^[\w-]{11}$/.test(id)
          ? `https://www.youtube.com/watch?v=${id}`
          : post.platform === 'reddit' && /^t3_\w+$/.test(id)
            ? `https://www.reddit.com/comments/${id.slice(3)}/`
            : post.platform === 'linkedin' && /^urn:li:\w+:\d+$/.test(id)
              ? `https://www.linkedin.com/feed/update/${id}/`
              : post.platform === 'tiktok' && /^\d{8,25}$/.test(id) && handle
                ? `https://www.tiktok.com/@${handle}/video/${id}`
                : null;
  return link ?? post.url ?? '';
}

/**
 * The partnerships an entry proves: only a post the platform labelled or its author disclosed
 * (verdict sponsored), for each brand it tied that way.
 */
export function partnershipsOf(entry: LedgerEntry): PriorPartnership[] {
  if (entry.verdict !== 'sponsored') return [];
  const out: PriorPartnership[] = [];
  for (const tie of entry.ties) {
    if (tie.kind !== 'label' && tie.kind !== 'disclosure' && tie.kind !== 'partner-tag') continue;
    out.push({
      brand: tie.brand,
      date: entry.date,
      kind: tie.kind === 'label' ? 'label' : 'disclosure',
      words: entry.words ?? tie.brand,
      url: entry.url ?? null,
    });
  }
  return out;
}

type Indexed = PriorPartnership & { key: string; hideKey: string | undefined };
const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * Author → brand partnerships, in memory: what the engine is given for each new post. Built from
 * the ledger's entries and kept up to date as findings arrive.
 */
export class PartnerIndex {
  private readonly byAuthor = new Map<string, Map<string, Indexed>>();

  add(entry: LedgerEntry): void {
    const who = authorKey(entry.platform, entry.author);
    if (!who) return;
    for (const p of partnershipsOf(entry)) {
      const brands = this.byAuthor.get(who) ?? new Map<string, Indexed>();
      this.byAuthor.set(who, brands);
      const id = p.brand.toLowerCase();
      const known = brands.get(id);
      // The most recent evidence speaks for the brand.
      if (!known || known.date <= p.date) brands.set(id, { ...p, key: entry.key, hideKey: entry.hideKey });
    }
  }

  /**
   * This author's partnerships seen since `since` (ms; older ones are past retention), leaving out
   * the post being judged (seen again, it is not its own evidence).
   */
  partnersFor(
    platform: Platform,
    author: string | null | undefined,
    postKey?: string,
    since = 0,
    /** Posts the person hid with "This is wrong" (their keys): no evidence of anything. */
    hidden: ReadonlySet<string> = NO_KEYS,
  ): PriorPartnership[] {
    const who = authorKey(platform, author);
    const brands = who ? this.byAuthor.get(who) : undefined;
    if (!brands) return [];
    return [...brands.values()]
      .filter((p) => p.key !== postKey && p.date >= since && !(p.hideKey && hidden.has(p.hideKey)))
      .map(({ key: _k, hideKey: _h, ...p }) => p);
  }

  clear(): void {
    this.byAuthor.clear();
  }
}

/** The ledger key a post would have (for leaving it out of its own evidence). */
export const postKey = (post: Pick<SeenPost, 'platform' | 'id' | 'url'>) =>
  `${post.platform}|${siteOf(post.url) ?? ''}|${post.id}`;
