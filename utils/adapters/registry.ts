/** Platform adapters by address; the generic adapter reads everything else. */
import { type Adapter, type FoundItem, findItems } from './adapter';
import { facebook } from './facebook';
import { generic, genericBody } from './generic';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { reddit } from './reddit';
import { tiktok } from './tiktok';
import { x } from './x';
import { youtube } from './youtube';

export const PLATFORM_ADAPTERS: readonly Adapter[] = [
  x,
  youtube,
  instagram,
  linkedin,
  tiktok,
  facebook,
  reddit,
];

export function adapterFor(url: URL): Adapter {
  return PLATFORM_ADAPTERS.find((a) => a.matches(url)) ?? generic;
}

export { generic, genericBody };

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

/** Every item of a document (no shadow roots): its adapter's, or the fallback's when it finds none. */
export function discoverItems(root: ParentNode, url: URL): { adapter: Adapter; found: FoundItem[] } {
  const adapter = adapterFor(url);
  const found = findItems(adapter, root, url);
  return found.length > 0 ? { adapter, found } : fallbackItems(adapter, root, url);
}
