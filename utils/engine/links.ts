/**
 * Links, offline. Redirect wrappers (YouTube, Instagram, Facebook, LinkedIn, Google, X's t.co) are
 * unwrapped from the URL itself or the anchor's visible text — a link is never requested.
 */
import type { CompiledLinkRule, CompiledRedirector } from './rules/compile';
import type { ItemLink } from './types';

export interface ResolvedLink {
  /** The link as found. */
  href: string;
  /** The destination after offline unwrapping, or null when it can't be parsed. */
  target: URL | null;
  /** Redirectors unwrapped on the way, outermost first. */
  via: string[];
  /** The target was read from visible text cut with "…": its last parameter may be cut too. */
  truncated: boolean;
}

const hostMatches = (host: string, suffix: string) => host === suffix || host.endsWith(`.${suffix}`);

/** Parses an address that may lack a scheme ("jasper.ai/?fpr=x"). */
export function parseLoose(raw: string): URL | null {
  let s = raw.trim().replace(/[…\u2026]+$|\.{3}$/u, '');
  if (!s || /\s/.test(s)) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    if (!/^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}(?:[/?#:]|$)/iu.test(s)) return null;
    s = `https://${s}`;
  }
  try {
    const url = new URL(s);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export function resolveLink(link: ItemLink, redirectors: readonly CompiledRedirector[]): ResolvedLink {
  let target = parseLoose(link.href);
  const via: string[] = [];
  let truncated = false;
  for (let depth = 0; target && depth < 4; depth++) {
    const host = target.hostname.toLowerCase();
    const r = redirectors.find(
      (d) => hostMatches(host, d.host) && (!d.path || d.path.test(target!.pathname)),
    );
    if (!r) break;
    let next: URL | null;
    if (r.param) {
      const value = target.searchParams.get(r.param);
      next = value ? parseLoose(value) : null;
    } else {
      // The wrapper hides its target; the anchor's visible text often shows it (X's t.co).
      const visible = link.text.replace(/\s+/g, '');
      next = depth === 0 ? parseLoose(visible) : null;
      truncated = /(?:…|\.{3})$/u.test(visible);
    }
    if (!next) break;
    via.push(r.id);
    target = next;
  }
  return { href: link.href, target, via, truncated };
}

/** Whether a parameter cut by "…" could be one of the rule's (e.g. `referral_c` for `referral_code`). */
function cutParamMatches(url: URL, params: readonly string[]): boolean {
  const keys = [...url.searchParams.keys()];
  const last = keys[keys.length - 1];
  return (
    last !== undefined &&
    last.length >= 3 &&
    url.searchParams.get(last) === '' &&
    params.some((p) => p.startsWith(last))
  );
}

export function matchLinkRule(url: URL, rule: CompiledLinkRule, truncated = false): boolean {
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (rule.hosts.length > 0 && !rule.hosts.some((h) => hostMatches(host, h))) return false;
  if (rule.hostPattern && !rule.hostPattern.test(host)) return false;
  if (rule.path && !rule.path.test(url.pathname)) return false;
  if (rule.params) {
    const hit = rule.params.some((p) => {
      const value = url.searchParams.get(p);
      return value !== null && value !== '' && (!rule.paramValue || rule.paramValue.test(value));
    });
    if (!hit && !(truncated && !rule.paramValue && cutParamMatches(url, rule.params))) return false;
  }
  return true;
}

const URL_IN_TEXT =
  /(?:https?:\/\/[^\s<>"'«»]+|(?<![\p{L}\p{N}@._-])(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,}\/[^\s<>"'«»]*)/giu;

/**
 * An address written with a placeholder shows what a link looks like, not a link: a value such as
 * "yourname" or "username" ("cursor.com/?via=yourname", "notion.so/username"), or a "<…>" after it
 * ("affiliate.notion.so/<username>").
 */
const PLACEHOLDER =
  /=(?:your|some|user|my|the)?[-_]?(?:name|username|handle|code|id)(?:[&#]|$)|\/(?:your|some)?(?:user)?name(?:[/?#]|$)|=x{3,}(?:[&#]|$)/i;

/** Addresses written in the text itself ("jasper.ai/?fpr=sam"), as links; examples with placeholders are left out. */
export function linksInText(text: string): ItemLink[] {
  const out: ItemLink[] = [];
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const href = m[0].replace(/[).,;:!?'"]+$/u, '');
    if (text[m.index + m[0].length] === '<' || PLACEHOLDER.test(href)) continue;
    out.push({ href, text: href });
    if (out.length >= 50) break;
  }
  return out;
}
