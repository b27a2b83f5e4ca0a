/**
 * An adapter reads one platform's markup into engine items. One file per platform; the content
 * script and the `scan` CLI share them. Adapters never reach into the engine's decisions.
 */
import { boundedInput } from '../dom/limits';
import type { ItemInput, Platform } from '../engine/types';

export interface AdapterContext {
  /** The page's address. */
  url: URL;
  /** Position of the item among the page's items, for ids when the markup offers none. */
  index: number;
}

export interface Adapter {
  id: Platform;
  /** Whether this adapter reads pages at this address. */
  matches(url: URL): boolean;
  /** Selects item roots (posts, tiles, articles, ad units). */
  itemSelector: string;
  /** Reads an item root; null skips it (empty, or nested inside another item). */
  extract(el: Element, ctx: AdapterContext): ItemInput | null;
}

export interface FoundItem {
  el: Element;
  input: ItemInput;
}

/** All items of a document or subtree, in document order. */
export function findItems(adapter: Adapter, root: ParentNode, url: URL): FoundItem[] {
  const out: FoundItem[] = [];
  const els = root.querySelectorAll(adapter.itemSelector);
  els.forEach((el, index) => {
    const input = adapter.extract(el, { url, index });
    if (input) out.push({ el, input: boundedInput(input) });
  });
  return out;
}
