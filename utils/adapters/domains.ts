/**
 * The platforms' addresses, declared once: each adapter matches pages on its domains (and their
 * subdomains), and the manifest runs the platforms' content script there and the generic one
 * everywhere else (wxt.config.ts does not list them twice: both entrypoints read this table).
 */
import type { Platform } from '../engine/types';

export const PLATFORM_DOMAINS = {
  x: ['x.com', 'twitter.com'],
  youtube: ['youtube.com'],
  instagram: ['instagram.com'],
  linkedin: ['linkedin.com'],
  tiktok: ['tiktok.com'],
  facebook: ['facebook.com'],
  reddit: ['reddit.com'],
} as const satisfies Partial<Record<Platform, readonly string[]>>;

export type PlatformWithDomains = keyof typeof PLATFORM_DOMAINS;

/** Whether `url` is on one of the platform's domains or their subdomains. */
export function onPlatform(platform: PlatformWithDomains, url: URL): boolean {
  return PLATFORM_DOMAINS[platform].some((d) => url.hostname === d || url.hostname.endsWith(`.${d}`));
}

/**
 * Match patterns for every platform domain (`*.` covers the domain itself and its subdomains;
 * `*://` is http and https).
 */
export const PLATFORM_MATCHES: string[] = Object.values(PLATFORM_DOMAINS).flatMap((domains) =>
  domains.map((d) => `*://*.${d}/*`),
);
