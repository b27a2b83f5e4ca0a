/** The generic reading of a page whose own adapter finds nothing (it carries no platform adapter). */
import { type Adapter, type FoundItem, findItems } from './adapter';
import { generic, genericBody } from './generic';

/**
 * The items of a page whose own adapter finds none (an ordinary page, or a platform's markup
 * changed): article-like items in the document and the given shadow roots, else the whole body
 * as one item. `adapter` is the one that reads them. The scanner and the CLI both use this.
 */
export function fallbackItems(
  own: Adapter,
  root: ParentNode,
  url: URL,
  shadowRoots: readonly ParentNode[] = [],
): { adapter: Adapter; found: FoundItem[] } {
  for (const adapter of own === generic ? [genericBody] : [generic, genericBody]) {
    // The whole-page item is the document's body alone: its text already takes in every open
    // shadow root, so a <main> inside one would count the same words twice.
    const where = adapter === genericBody ? [root] : [root, ...shadowRoots];
    const found = where.flatMap((scope) => findItems(adapter, scope, url));
    if (found.length > 0) return { adapter, found };
  }
  return { adapter: genericBody, found: [] };
}
