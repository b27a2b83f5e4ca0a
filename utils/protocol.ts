/**
 * The one message protocol between content scripts, background and popup. Every message is an
 * envelope `{ type, data }`; each type names its request schema and who may send it. The receiver
 * parses with zod and checks the sender before any handler runs.
 */
import * as z from 'zod/mini';
import {
  MAX_AUTHOR,
  MAX_BATCH_ITEMS,
  MAX_ID,
  MAX_LABELS,
  MAX_LANG,
  MAX_LINK_HREF,
  MAX_LINK_TEXT,
  MAX_LINKS,
} from './dom/limits';
import { ALL_CUE_KINDS } from './engine/cues/kinds';
import { CONCERNS, MAX_ITEM_TEXT, PLATFORMS, VERDICTS } from './engine/types';

/**
 * One item the content script read, sent to the background for analysis: the engine's
 * `ItemInput` plus its place in page order. Bounds are generous (the DOM reader's own caps are
 * tighter); anything beyond them is a broken or hostile sender and the whole message is dropped.
 */
export const ItemWire = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(MAX_ID)),
  text: z.string().check(z.maxLength(MAX_ITEM_TEXT)),
  fold: z.optional(z.nullable(z.number().check(z.int(), z.gte(0)))),
  links: z
    .array(
      z.object({
        href: z.string().check(z.maxLength(MAX_LINK_HREF)),
        text: z.string().check(z.maxLength(MAX_LINK_TEXT)),
      }),
    )
    .check(z.maxLength(MAX_LINKS)),
  labels: z.array(z.string().check(z.maxLength(MAX_ITEM_TEXT))).check(z.maxLength(MAX_LABELS)),
  lang: z.optional(z.nullable(z.string().check(z.maxLength(MAX_LANG)))),
  url: z.optional(z.nullable(z.string().check(z.maxLength(4000)))),
  platform: z.enum(PLATFORMS),
  author: z.optional(z.nullable(z.string().check(z.maxLength(MAX_AUTHOR)))),
  /** Position in page order, kept when an item is read again. */
  order: z.number().check(z.int(), z.gte(0)),
});
export type ItemWire = z.infer<typeof ItemWire>;

const CueWire = z.object({
  kind: z.enum(ALL_CUE_KINDS),
  rule: z.string().check(z.maxLength(120)),
  text: z.string().check(z.maxLength(600)),
  lang: z.string().check(z.maxLength(10)),
  start: z.optional(z.number()),
  end: z.optional(z.number()),
  sources: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(20)),
  detail: z.optional(z.string().check(z.maxLength(300))),
  /** A prior-partnership cue's earlier post (utils/memory). */
  evidence: z.optional(
    z.object({
      brand: z.string().check(z.maxLength(100)),
      date: z.number(),
      kind: z.enum(['label', 'disclosure']),
      words: z.string().check(z.maxLength(200)),
      url: z.optional(z.nullable(z.string().check(z.maxLength(2000)))),
    }),
  ),
});

export const FindingWire = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(MAX_ID)),
  verdict: z.enum(VERDICTS),
  topic: z.nullable(z.enum(['ai', 'other'])),
  confidence: z.number().check(z.gte(0), z.lte(1)),
  cues: z.array(CueWire).check(z.maxLength(60)),
  concerns: z.array(z.enum(CONCERNS)).check(z.maxLength(CONCERNS.length)),
  excerpt: z.string().check(z.maxLength(600)),
  /** A window of the item's original text (cue offsets minus `snippetStart` fall inside it). */
  snippet: z.string().check(z.maxLength(600)),
  snippetStart: z.number().check(z.int(), z.gte(0)),
  products: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(20)),
  platform: z.enum(PLATFORMS),
  author: z.nullable(z.string().check(z.maxLength(200))),
  /** Position in page order, for the popup's list. */
  order: z.number(),
});
export type FindingWire = z.infer<typeof FindingWire>;

export const TabState = z.object({
  url: z.nullable(z.string()),
  platform: z.nullable(z.enum(PLATFORMS)),
  status: z.enum(['unsupported', 'scanning', 'done', 'paused']),
  findings: z.array(FindingWire),
  /** The count the badge shows (flagged findings in scope). */
  count: z.number(),
  /** The finding whose mark's "Details" opened the popup: the popup scrolls to it. */
  focus: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_ID))),
});
export type TabState = z.infer<typeof TabState>;

/** The UI strings of one locale (a messages.json), sent to marks when the options force a language. */
const MessagesWire = z.record(
  z.string(),
  z.object({
    message: z.string(),
    placeholders: z.optional(z.record(z.string(), z.object({ content: z.string() }))),
  }),
);

/** What a page's content script needs from the settings, worked out by the background. */
export const PageView = z.object({
  /** False where the person paused Basira: nothing is read. */
  scan: z.boolean(),
  /** Draw marks, and which flagged findings count (the badge's own rule, utils/scope.ts). */
  marks: z.boolean(),
  scope: z.enum(['ai', 'all']),
  countPromotion: z.boolean(),
  /**
   * What the person said is wrong, as much as a page needs to leave those posts unmarked: the
   * hidden posts' keys and the muted author–product pairs (no labels, no noisy-rule counts).
   */
  feedback: z.object({
    hidden: z.array(z.object({ key: z.string().check(z.maxLength(40)) })).check(z.maxLength(2000)),
    muted: z
      .array(
        z.object({ author: z.string().check(z.maxLength(200)), product: z.string().check(z.maxLength(100)) }),
      )
      .check(z.maxLength(1000)),
  }),
  /** Changes whenever what the engine finds would change (the person's rules, cue families). */
  rulesKey: z.string(),
  /** The locale's strings when the options force a language; null follows the browser. */
  language: z.enum(['auto', 'en', 'ar']),
  messages: z.nullable(MessagesWire),
});
export type PageView = z.infer<typeof PageView>;

/** Who may send a message type: a content script in a tab, or an extension page (popup, options). */
type Origin = 'content' | 'extension';

export const PROTOCOL = {
  /**
   * Content script: a new page (load or SPA navigation) starts; previous findings are dropped.
   * The answer says whether to scan, and how to show marks.
   */
  'page:start': {
    from: 'content' as Origin,
    request: z.object({
      url: z.string().check(z.maxLength(4000)),
      platform: z.enum(PLATFORMS),
    }),
    response: PageView,
  },
  /** Content script: the settings changed; how the page should now be scanned and shown. */
  'page:view': {
    from: 'content' as Origin,
    request: z.object({ url: z.string().check(z.maxLength(4000)) }),
    response: PageView,
  },
  /**
   * Content script: items read since the last batch, to be analyzed by the engine in the
   * background. The answer holds the findings to mark (flagged ones) and whether the batch was
   * taken (a batch for a page the tab has left, or a paused page, is not).
   */
  'items:analyze': {
    from: 'content' as Origin,
    request: z.object({
      url: z.string().check(z.maxLength(4000)),
      items: z.array(ItemWire).check(z.maxLength(MAX_BATCH_ITEMS)),
      done: z.boolean(),
    }),
    response: z.object({ taken: z.boolean(), flagged: z.array(FindingWire) }),
  },
  /** Content script (a mark's "This is wrong"): correct a finding of this tab (utils/feedback.ts). */
  'finding:correct': {
    from: 'content' as Origin,
    request: z.object({
      id: z.string().check(z.minLength(1), z.maxLength(MAX_ID)),
      correction: z.enum(['hide', 'mute', 'noisy']),
    }),
    response: z.boolean(),
  },
  /** Content script (a mark's "Details"): open the popup for this tab, at this finding. */
  'popup:open': {
    from: 'content' as Origin,
    request: z.object({ id: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_ID))) }),
    response: z.boolean(),
  },
  /** Options or insights page: forget everything memory kept (the ledger and what it taught). */
  'memory:forget': {
    from: 'extension' as Origin,
    request: z.object({}),
    response: z.boolean(),
  },
  /** Popup: the state of a tab. */
  'tab:get': {
    from: 'extension' as Origin,
    request: z.object({ tabId: z.number().check(z.int()) }),
    response: TabState,
  },
} as const;

export type MessageType = keyof typeof PROTOCOL;
export type Request<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['request']>;
export type Response<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['response']>;

export const Envelope = z.object({
  type: z.enum(Object.keys(PROTOCOL) as [MessageType, ...MessageType[]]),
  data: z.unknown(),
});

/** Messages the popup sends to a tab's content script. */
export const TAB_PROTOCOL = {
  'item:show': { request: z.object({ id: z.string().check(z.maxLength(200)) }), response: z.boolean() },
} as const;
export type TabMessageType = keyof typeof TAB_PROTOCOL;
