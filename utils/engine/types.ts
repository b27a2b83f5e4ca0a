/**
 * The engine's plain-data contracts. No DOM, no browser API: the content script, the CLI,
 * the tests and the benchmark all speak these types.
 */
import type { CueKind } from './cues/kinds';

export const VERDICTS = ['none', 'mention', 'promotion', 'sponsored', 'undisclosed'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Severity order used for page verdicts and sorting; higher is more severe. */
export const SEVERITY: Record<Verdict, number> = {
  none: 0,
  mention: 1,
  promotion: 2,
  sponsored: 3,
  undisclosed: 4,
};

export const FLAGGED: ReadonlySet<Verdict> = new Set(['promotion', 'sponsored', 'undisclosed']);

export type Topic = 'ai' | 'other';

export const PLATFORMS = [
  'x',
  'youtube',
  'instagram',
  'linkedin',
  'tiktok',
  'facebook',
  'reddit',
  'generic',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface ItemLink {
  /** The anchor's href as found in the page (may be a redirector, e.g. youtube.com/redirect?q=). */
  href: string;
  /** The anchor's visible text (X's t.co anchors carry the real target here). */
  text: string;
}

/** The most characters of an item's text that are read: the DOM reader stops there and the engine cuts there. */
export const MAX_ITEM_TEXT = 20_000;

/** One unit a person reads: a post, a video description, an article, an ad unit. */
export interface ItemInput {
  /** Stable id within the page (adapter-provided). */
  id: string;
  /** Visible text. */
  text: string;
  /** Offset in `text` where the part hidden behind "…more" begins, if the adapter knows it. */
  fold?: number | null;
  links: ItemLink[];
  /** Native labels the platform attached ("Paid partnership with", "Ad", "إعلان"…). */
  labels: string[];
  /** BCP-47 language hint, e.g. "ar", "en". */
  lang?: string | null;
  url?: string | null;
  platform: Platform;
  author?: string | null;
  /**
   * Partnerships this author disclosed, or that the platform labelled, in posts the person saw
   * earlier (the background's memory, utils/memory/). The engine never stores anything itself.
   */
  partners?: readonly PriorPartnership[];
}

/** An earlier post's disclosed or labelled partnership with a brand, by the same author on the same platform. */
export interface PriorPartnership {
  /** The brand as that post named it ("HeyGen"). */
  brand: string;
  /** When the person saw that post (ms since the epoch). */
  date: number;
  /** How it was tied: a native label, or a disclosure the author wrote. */
  kind: 'label' | 'disclosure';
  /** The label or disclosure words ("Paid partnership with HeyGen", "#ad"). */
  words: string;
  /** The earlier post's address, only when the person chose to keep addresses. */
  url?: string | null;
}

export type { CueKind } from './cues/kinds';

export interface Cue {
  kind: CueKind;
  /** Rule id (e.g. "en.disclosure.hashtag-ad", "link.firstpromoter"). */
  rule: string;
  /** The matched text as it appears in the original (or the link target for link cues). */
  text: string;
  lang: string;
  /** Offsets into the original item text; absent for link and label cues. */
  start?: number;
  end?: number;
  sources: string[];
  /** Plain-words detail, e.g. the product or network name. */
  detail?: string;
  /** The rule's weight within its kind (default 1). */
  weight?: number;
  /** Concerns the rule itself raises, beyond its kind's. */
  concerns?: Concern[];
  /** Inside quotation marks: the post quotes the words rather than saying them. */
  quoted?: boolean;
  /** For a prior-partnership cue: the earlier post that shows the tie. */
  evidence?: PriorPartnership;
}

export const CONCERNS = [
  'undisclosed-endorsement',
  'ambiguous-or-buried-disclosure',
  'affiliate-incentive',
  'fomo-urgency',
  'ai-washing',
  'fake-reviews',
  'ai-ad-spend',
  'data-privacy',
  'targeting-bias',
  'synthetic-media',
  'ad-transparency',
] as const;
export type Concern = (typeof CONCERNS)[number];

export interface Finding {
  id: string;
  verdict: Verdict;
  topic: Topic | null;
  confidence: number;
  cues: Cue[];
  concerns: Concern[];
  excerpt: string;
  /** Product names the item promotes or mentions (display only). */
  products: string[];
}
