/**
 * Site names for pausing: what the person types or the page's address becomes a bare host name
 * ("www.x.com/home" → "x.com"). A paused site covers its subdomains (`pausedHere`, which
 * `isPaused` in ../settings uses too).
 */

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

/** The site of a page address, without "www."; null for anything that is not http(s). */
export function siteOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * A typed site as a host name, or null when it is not one. Accepts a full address or a bare
 * name; international names come back in their ASCII (punycode) form, as browsers report them.
 */
export function normalizeSite(input: string): string | null {
  const raw = input.trim().toLowerCase();
  if (!raw || /\s/.test(raw)) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(raw) ? raw : `https://${raw}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  return host.length <= 253 && HOST.test(host) ? host : null;
}

export function siteMatches(host: string, site: string): boolean {
  const h = host.toLowerCase().replace(/^www\./, '');
  return h === site || h.endsWith(`.${site}`);
}

export function pausedHere(pausedSites: readonly string[], host: string): boolean {
  return pausedSites.some((s) => siteMatches(host, s));
}

/** The paused list after pausing or resuming `host` (resuming removes every entry that covers it). */
export function withPause(pausedSites: readonly string[], host: string, paused: boolean): string[] {
  if (paused) return pausedHere(pausedSites, host) ? [...pausedSites] : [...pausedSites, host];
  return pausedSites.filter((s) => !siteMatches(host, s));
}
