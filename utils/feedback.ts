/**
 * "This is wrong": what a person told Basira about its findings, kept on the device in the
 * settings. A hidden post and an author muted for a product stop counting at once (badge, list,
 * marks); a rule reported as noisy is counted in a list the person can export for maintainers.
 * Everything here is undone from the options.
 */
import * as z from 'zod/mini';
import { type Correction, postKey, productOf } from './feedback-match';
import type { FindingWire } from './protocol';

export { type Correction, dismissed, postKey, productOf } from './feedback-match';

const HiddenPost = z.object({
  /** The post's key: platform, author and opening words (`postKey`). */
  key: z.string().check(z.minLength(1), z.maxLength(40)),
  /** What the options show: the post's opening words. */
  label: z.string().check(z.maxLength(120)),
});
const MutedPair = z.object({
  author: z.string().check(z.minLength(1), z.maxLength(200)),
  product: z.string().check(z.minLength(1), z.maxLength(100)),
});
const NoisyRule = z.object({
  rule: z.string().check(z.minLength(1), z.maxLength(200)),
  count: z.number().check(z.int(), z.gte(1)),
});

export const FeedbackSchema = z.object({
  hidden: z.array(HiddenPost).check(z.maxLength(2000)),
  muted: z.array(MutedPair).check(z.maxLength(1000)),
  noisy: z.array(NoisyRule).check(z.maxLength(2000)),
});
export type Feedback = z.infer<typeof FeedbackSchema>;
export const EMPTY_FEEDBACK: Feedback = { hidden: [], muted: [], noisy: [] };

const LIMITS = { hidden: 2000, muted: 1000, noisy: 2000 } as const;
const ENTRY = { hidden: HiddenPost, muted: MutedPair, noisy: NoisyRule } as const;

/** Keeps every valid entry of each list; a broken one drops only itself. */
export function coerceFeedback(raw: unknown): Feedback {
  const out: Feedback = { hidden: [], muted: [], noisy: [] };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const key of ['hidden', 'muted', 'noisy'] as const) {
    const list = (raw as Record<string, unknown>)[key];
    if (!Array.isArray(list)) continue;
    (out[key] as unknown[]) = list
      .flatMap((entry) => {
        const parsed = z.safeParse(ENTRY[key] as z.ZodMiniType, entry);
        return parsed.success ? [parsed.data] : [];
      })
      .slice(-LIMITS[key]);
  }
  return out;
}

/**
 * The feedback after one correction of `f`. "hide" hides the post; "mute" stops the author
 * counting for the product anywhere (the post included; undoing it brings them all back);
 * "noisy" counts each rule behind the finding and hides the post (listed, and undone, with the
 * hidden posts). A finding without an author or a product is hidden instead of muted.
 */
export function withCorrection(feedback: Feedback, f: FindingWire, correction: Correction): Feedback {
  const key = postKey(f);
  const product = productOf(f);
  const mutes = correction === 'mute' && Boolean(f.author) && product !== null;
  const hidden =
    mutes || feedback.hidden.some((h) => h.key === key)
      ? feedback.hidden
      : [...feedback.hidden, { key, label: f.excerpt.replace(/\s+/g, ' ').trim().slice(0, 120) }].slice(
          -LIMITS.hidden,
        );
  let { muted, noisy } = feedback;
  if (mutes && f.author && product) {
    const exists = muted.some((m) => m.author === f.author && m.product === product);
    if (!exists) muted = [...muted, { author: f.author.slice(0, 200), product }].slice(-LIMITS.muted);
  }
  if (correction === 'noisy') {
    const rules = [...new Set(f.cues.map((c) => c.rule))];
    const counts = new Map(noisy.map((n) => [n.rule, n.count]));
    for (const rule of rules) counts.set(rule, (counts.get(rule) ?? 0) + 1);
    noisy = [...counts].map(([rule, count]) => ({ rule, count })).slice(-LIMITS.noisy);
  }
  return { hidden, muted, noisy };
}

/** The noisy-rule report a person can send to maintainers: rules and counts, nothing about posts. */
export function noisyReport(feedback: Feedback): string {
  const rules = [...feedback.noisy].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
  return `${JSON.stringify({ basira: 'noisy-rules', version: 1, rules }, null, 2)}\n`;
}

/**
 * `incoming` (a restored file's corrections) added to `current`: a hidden post or muted pair
 * already here is kept once, and a noisy rule keeps the higher of its two counts, so restoring
 * the same file twice changes nothing. The newest entries are kept past a list's limit.
 */
export function mergeFeedback(current: Feedback, incoming: Feedback): Feedback {
  const union = <T>(a: T[], b: T[], key: (x: T) => string, limit: number) => {
    const seen = new Set(a.map(key));
    return [...a, ...b.filter((x) => !seen.has(key(x)) && seen.add(key(x)))].slice(-limit);
  };
  const counts = new Map(current.noisy.map((n) => [n.rule, n.count]));
  for (const n of incoming.noisy) counts.set(n.rule, Math.max(counts.get(n.rule) ?? 0, n.count));
  return {
    hidden: union(current.hidden, incoming.hidden, (h) => h.key, LIMITS.hidden),
    muted: union(current.muted, incoming.muted, (m) => `${m.author}\u0000${m.product}`, LIMITS.muted),
    noisy: [...counts].map(([rule, count]) => ({ rule, count })).slice(-LIMITS.noisy),
  };
}
