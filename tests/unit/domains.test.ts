/**
 * Which content script a page gets: the platforms' on their domains, the generic one everywhere
 * else, never both and never neither. The manifest's match patterns (read here the way browsers
 * read them) and the adapters' own address checks come from one table and must agree.
 */
import { describe, expect, test } from 'vitest';
import { PLATFORM_DOMAINS, PLATFORM_MATCHES } from '@/utils/adapters/domains';
import { generic } from '@/utils/adapters/generic';
import { adapterFor, PLATFORM_ADAPTERS } from '@/utils/adapters/registry';
import content from '../../entrypoints/content';
import platforms from '../../entrypoints/platforms.content';

/** A match pattern as extensions read it: `*` scheme is http(s); `*.host` is host and subdomains. */
function matchesPattern(pattern: string, url: URL): boolean {
  const m = /^(\*|https?):\/\/(\*|\*\.[^/]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`not a pattern: ${pattern}`);
  const [, scheme, host, path] = m;
  const schemeOk = scheme === '*' ? /^https?:$/.test(url.protocol) : url.protocol === `${scheme}:`;
  const hostOk =
    host === '*' ||
    (host!.startsWith('*.')
      ? url.hostname === host!.slice(2) || url.hostname.endsWith(host!.slice(1))
      : url.hostname === host);
  const pathRe = new RegExp(`^${path!.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return schemeOk && hostOk && pathRe.test(url.pathname + url.search);
}

/** Both entrypoints give plain lists (not per-browser ones): a test on anything else fails. */
const list = (value: unknown): string[] => {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error('a per-browser pattern list: read it per browser');
  return value as string[];
};
const runs = (script: { matches?: unknown; excludeMatches?: unknown }, url: URL) =>
  list(script.matches).some((p) => matchesPattern(p, url)) &&
  !list(script.excludeMatches).some((p) => matchesPattern(p, url));

const PLATFORM_PAGES = [
  'https://x.com/home',
  'https://twitter.com/someone/status/1',
  'https://mobile.x.com/home',
  'https://www.youtube.com/watch?v=abc',
  'https://m.youtube.com/',
  'https://www.instagram.com/p/xyz/',
  'https://www.linkedin.com/feed/',
  'https://www.tiktok.com/@someone',
  'https://www.facebook.com/',
  'https://old.reddit.com/r/MachineLearning/',
  'http://reddit.com/',
];
const ORDINARY_PAGES = [
  'https://news.example.org/2025/ai',
  'https://blog.example.com/post',
  'https://notx.com/',
  'https://x.com.example.org/',
  'https://youtube.co.uk/',
  'https://myreddit.com/',
  'http://localhost:8080/page',
];

describe('content scripts by address', () => {
  test.each(PLATFORM_PAGES)('%s: the platforms’ script only, and a platform adapter reads it', (address) => {
    const url = new URL(address);
    expect(runs(platforms, url)).toBe(true);
    expect(runs(content, url)).toBe(false);
    expect(PLATFORM_ADAPTERS.some((a) => a.matches(url))).toBe(true);
    expect(adapterFor(url)).not.toBe(generic);
  });

  test.each(ORDINARY_PAGES)('%s: the generic script only, and the generic adapter reads it', (address) => {
    const url = new URL(address);
    expect(runs(content, url)).toBe(true);
    expect(runs(platforms, url)).toBe(false);
    expect(adapterFor(url)).toBe(generic);
  });

  test('every platform adapter has its domains, and every domain its patterns', () => {
    expect(Object.keys(PLATFORM_DOMAINS).sort()).toEqual(PLATFORM_ADAPTERS.map((a) => a.id).sort());
    expect(PLATFORM_MATCHES).toHaveLength(Object.values(PLATFORM_DOMAINS).flat().length);
  });
});
