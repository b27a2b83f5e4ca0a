/** Platform adapters by address; the generic adapter reads everything else. */
import { type Adapter, type FoundItem, findItems } from './adapter';
import { facebook } from './facebook';
import { fallbackItems } from './fallback';
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

export { fallbackItems, generic, genericBody };

/** Every item of a document (no shadow roots): its adapter's, or the fallback's when it finds none. */
export function discoverItems(root: ParentNode, url: URL): { adapter: Adapter; found: FoundItem[] } {
  const adapter = adapterFor(url);
  const found = findItems(adapter, root, url);
  return found.length > 0 ? { adapter, found } : fallbackItems(adapter, root, url);
}
