/**
 * Compiling rule patterns. Authors write patterns as they would read them (Arabic with hamza,
 * capital letters, accents); literal characters are normalized like the text they run on,
 * escapes are kept. `\b` becomes a Unicode-aware word boundary (JavaScript's is ASCII-only), so
 * Arabic words get boundaries too.
 */
import { normalizeText } from './normalize';

const W = '[\\p{L}\\p{N}_]';
/** Unicode word boundary: a letter/digit on exactly one side. */
export const UNICODE_BOUNDARY = `(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`;

/** Normalizes the literal characters of a pattern source, leaving escapes and `\p{…}` alone. */
export function normalizePatternSource(source: string): string {
  let out = '';
  let literal = '';
  const flush = () => {
    out += normalizeText(literal);
    literal = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      flush();
      const next = source[i + 1] ?? '';
      if ((next === 'p' || next === 'P' || next === 'u') && source[i + 2] === '{') {
        const close = source.indexOf('}', i + 2);
        out += source.slice(i, close + 1);
        i = close;
      } else if (next === 'b') {
        out += UNICODE_BOUNDARY;
        i++;
      } else {
        out += ch + next;
        i++;
      }
    } else if ('[](){}|?*+.^$'.includes(ch)) {
      flush();
      out += ch;
    } else {
      literal += ch;
    }
  }
  flush();
  return out;
}

/**
 * Nested quantifiers (`(a+)+`, `(?:x*y?)*`) are the shape of catastrophic backtracking.
 * Returns a reason when the pattern has one, else null. Conservative: flags any quantified group
 * that itself contains an unbounded quantifier.
 */
export function backtrackingRisk(source: string): string | null {
  const stack: { unbounded: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') stack.push({ unbounded: false });
    else if (ch === ')') {
      const group = stack.pop();
      const q = source[i + 1];
      const quantified = q === '*' || q === '+' || (q === '{' && /^\{\d+,\d*\}/.test(source.slice(i + 1)));
      if (group?.unbounded && quantified && !/^\{\d+,\d+\}/.test(source.slice(i + 1))) {
        return `nested unbounded quantifier near position ${i}`;
      }
      if (group?.unbounded || quantified) {
        const parent = stack[stack.length - 1];
        if (parent) parent.unbounded = true;
      }
    } else if (ch === '*' || ch === '+' || (ch === '{' && /^\{\d+,\}/.test(source.slice(i)))) {
      const top = stack[stack.length - 1];
      if (top) top.unbounded = true;
    }
  }
  return null;
}

/** Compiles normalized pattern sources into one global, Unicode regex. */
export function compilePatterns(sources: readonly string[]): RegExp {
  return new RegExp(sources.map((s) => `(?:${normalizePatternSource(s)})`).join('|'), 'gu');
}
