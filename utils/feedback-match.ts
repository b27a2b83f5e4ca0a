/**
 * Whether a finding is one the person said is wrong (utils/feedback.ts). Kept apart from the
 * settings' schema so the content script, which hides the marks of such posts, carries no zod.
 */
import { fnv1a } from './engine/tokens';
import type { FindingWire } from './protocol';

/** What the matching needs of the settings' feedback. */
export interface FeedbackLists {
  hidden: readonly { key: string }[];
  muted: readonly { author: string; product: string }[];
}

/** A post's key, the same on every visit: its platform, author and opening words. */
export function postKey(f: Pick<FindingWire, 'platform' | 'author' | 'excerpt'>): string {
  const words = f.excerpt.replace(/\s+/g, ' ').trim().slice(0, 200);
  return fnv1a(`${f.platform}\u0000${f.author ?? ''}\u0000${words}`).toString(36);
}

/** The AI product a finding is about, for "never flag this author for this product". */
export const productOf = (f: Pick<FindingWire, 'products'>): string | null => f.products[0] ?? null;

/** Whether the person said this finding is wrong (hid the post, or muted its author for its product). */
export function dismissed(f: FindingWire, feedback: FeedbackLists): boolean {
  if (feedback.hidden.length > 0) {
    const key = postKey(f);
    if (feedback.hidden.some((h) => h.key === key)) return true;
  }
  if (f.author && feedback.muted.length > 0) {
    const author = f.author.toLowerCase();
    const products = new Set(f.products.map((p) => p.toLowerCase()));
    if (
      feedback.muted.some((m) => m.author.toLowerCase() === author && products.has(m.product.toLowerCase()))
    )
      return true;
  }
  return false;
}

export type Correction = 'hide' | 'mute' | 'noisy';

/**
 * The corrections a finding offers, in the reader's words, for the popup and the in-page panel
 * alike: hiding the post, never flagging its author for its product (when it has both), and
 * reporting its rules as noisy.
 */
export function correctionChoices(
  f: Pick<FindingWire, 'author' | 'products'>,
  t: (key: string, substitutions?: string | string[]) => string,
): { correction: Correction; label: string }[] {
  const product = productOf(f);
  return [
    { correction: 'hide', label: t('wrong_hide') },
    ...(f.author && product
      ? [{ correction: 'mute' as const, label: t('wrong_mute', [f.author, product]) }]
      : []),
    { correction: 'noisy', label: t('wrong_noisy') },
  ];
}
