/**
 * How much of an item the DOM reader hands on. The content script sends items to the background
 * within these bounds (utils/protocol.ts `ItemWire`), and the CLI applies the same bounds, so the
 * two analyze exactly the same input.
 */
import { fnv1a } from '../engine/tokens';
import { type ItemInput, MAX_ITEM_TEXT } from '../engine/types';

/** Characters of an item id; a longer one is replaced by its hash (never dropped). */
export const MAX_ID = 200;

/** Most items in one `items:analyze` batch. */
export const MAX_BATCH_ITEMS = 100;

/** Links per item (the reader stops there). */
export const MAX_LINKS = 60;
/** Characters of a link's address: affiliate and referral parameters sit well inside this. */
export const MAX_LINK_HREF = 4096;
/** Characters of a link's visible text. */
export const MAX_LINK_TEXT = 1000;
/** Native labels per item. */
export const MAX_LABELS = 40;
/** Characters of an author's name. */
export const MAX_AUTHOR = 1000;
/** Characters of a language tag. */
export const MAX_LANG = 100;

/** `input` cut to the bounds above (the same object when it already fits, as nearly always). */
export function boundedInput(input: ItemInput): ItemInput {
  const fits =
    input.id.length <= MAX_ID &&
    input.text.length <= MAX_ITEM_TEXT &&
    input.links.length <= MAX_LINKS &&
    input.links.every((l) => l.href.length <= MAX_LINK_HREF && l.text.length <= MAX_LINK_TEXT) &&
    input.labels.length <= MAX_LABELS &&
    input.labels.every((l) => l.length <= MAX_ITEM_TEXT) &&
    (input.author?.length ?? 0) <= MAX_AUTHOR &&
    (input.lang?.length ?? 0) <= MAX_LANG &&
    (input.url?.length ?? 0) <= 4000;
  if (fits) return input;
  return {
    ...input,
    id: input.id.length > MAX_ID ? `h-${fnv1a(input.id).toString(36)}` : input.id,
    text: input.text.slice(0, MAX_ITEM_TEXT),
    links: input.links
      .slice(0, MAX_LINKS)
      .map((l) => ({ href: l.href.slice(0, MAX_LINK_HREF), text: l.text.slice(0, MAX_LINK_TEXT) })),
    labels: input.labels.slice(0, MAX_LABELS).map((l) => l.slice(0, MAX_ITEM_TEXT)),
    author: input.author?.slice(0, MAX_AUTHOR) ?? input.author,
    lang: input.lang?.slice(0, MAX_LANG) ?? input.lang,
    url: input.url && input.url.length > 4000 ? null : input.url,
  };
}
