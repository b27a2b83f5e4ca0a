/** Platform adapters by address; the generic adapter reads everything else. */
import type { Adapter } from './adapter';
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
