/**
 * The one message protocol between content scripts, background and popup. Every message is an
 * envelope `{ type, data }`; each type names its request schema and who may send it. The receiver
 * parses with zod and checks the sender before any handler runs.
 */
import * as z from 'zod/mini';
import { ALL_CUE_KINDS } from './engine/cues/kinds';
import { CONCERNS, PLATFORMS, VERDICTS } from './engine/types';

const CueWire = z.object({
  kind: z.enum(ALL_CUE_KINDS),
  rule: z.string().check(z.maxLength(120)),
  text: z.string().check(z.maxLength(600)),
  lang: z.string().check(z.maxLength(10)),
  start: z.optional(z.number()),
  end: z.optional(z.number()),
  sources: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(20)),
  detail: z.optional(z.string().check(z.maxLength(300))),
});

export const FindingWire = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
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
});
export type TabState = z.infer<typeof TabState>;

/** Who may send a message type: a content script in a tab, or an extension page (popup, options). */
type Origin = 'content' | 'extension';

export const PROTOCOL = {
  /** Content script: a new page (load or SPA navigation) starts; previous findings are dropped. */
  'page:start': {
    from: 'content' as Origin,
    request: z.object({
      url: z.string().check(z.maxLength(4000)),
      platform: z.enum(PLATFORMS),
      paused: z.boolean(),
    }),
    response: z.null(),
  },
  /** Content script: findings for items scanned since the last report. */
  'page:findings': {
    from: 'content' as Origin,
    request: z.object({
      url: z.string().check(z.maxLength(4000)),
      findings: z.array(FindingWire).check(z.maxLength(500)),
      done: z.boolean(),
    }),
    response: z.object({ count: z.number() }),
  },
  /** Content script (a mark's "Details"): open the popup for this tab. */
  'popup:open': {
    from: 'content' as Origin,
    request: z.object({}),
    response: z.boolean(),
  },
  /** Content script: the UI strings of the language chosen in the options (for marks). */
  'i18n:messages': {
    from: 'content' as Origin,
    request: z.object({ lang: z.enum(['en', 'ar']) }),
    response: z.record(
      z.string(),
      z.object({
        message: z.string(),
        placeholders: z.optional(z.record(z.string(), z.object({ content: z.string() }))),
      }),
    ),
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
