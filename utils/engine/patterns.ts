/**
 * Compiling rule patterns. Authors write patterns as they would read them (Arabic with hamza,
 * capital letters, accents); literal characters are normalized like the text they run on,
 * escapes are kept. `\b` becomes a Unicode-aware word boundary (JavaScript's is ASCII-only), so
 * Arabic words get boundaries too.
 */
import { normalizeText } from './normalize';

/**
 * Letters of the scripts Basira reads (Latin, Greek, Cyrillic, Arabic), as explicit ranges.
 * V8 builds Unicode property classes (`\\p{L}`) afresh for every regex, which cost ~1 s of
 * start-up over the packs; on normalized text these ranges give the same answers.
 */
export const LETTER_RANGES =
  'a-zA-Z\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u052F\\u0620-\\u065F\\u066E-\\u06D3\\u06D5\\u06EE-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF';
const LATIN_RANGES = 'a-zA-Z\\u00C0-\\u024F';
const PICTOGRAPHIC_RANGES = '\\u2600-\\u27BF\\u{1F000}-\\u{1FAFF}';
const W = `[${LETTER_RANGES}0-9_]`;

/** Rewrites Unicode property escapes into the explicit ranges above (inside or outside classes). */
export function expandProperties(source: string): string {
  const table: Record<string, string> = {
    '\\p{L}': LETTER_RANGES,
    '\\p{N}': '0-9',
    '\\p{Script=Latin}': LATIN_RANGES,
    '\\p{Extended_Pictographic}': PICTOGRAPHIC_RANGES,
  };
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const close = source[i + 1] === 'p' && source[i + 2] === '{' ? source.indexOf('}', i) : -1;
      const key = close > 0 ? source.slice(i, close + 1) : '';
      const ranges = table[key];
      if (ranges !== undefined) {
        out += inClass ? ranges : `[${ranges}]`;
        i = close;
      } else {
        out += ch + (source[i + 1] ?? '');
        i++;
      }
      continue;
    }
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    out += ch;
  }
  return out;
}
/** Escapes text to match itself literally inside a pattern. */
export const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

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
      const close =
        (next === 'p' || next === 'P' || next === 'u') && source[i + 2] === '{'
          ? source.indexOf('}', i + 2)
          : -1;
      if (close > 0) {
        // A complete \p{…} / \u{…} escape is kept whole; an unclosed one stays a plain escape
        // (and the regex then fails to compile, which the loader reports).
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
  return nestedQuantifierRisk(source) ?? overlapRisk(source);
}

/** Splits a pattern into atoms (escapes, classes, groups, characters) with their quantifiers. */
function atoms(source: string): { atom: string; quantifier: string }[] {
  const out: { atom: string; quantifier: string }[] = [];
  let i = 0;
  while (i < source.length) {
    let atom: string;
    const ch = source[i]!;
    if (ch === '\\') {
      const brace = source[i + 2] === '{' ? source.indexOf('}', i) : -1;
      atom = brace > 0 ? source.slice(i, brace + 1) : source.slice(i, i + 2);
    } else if (ch === '[') {
      let j = i + 1;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      atom = source.slice(i, j + 1);
    } else if (ch === '(') {
      let depth = 0;
      let j = i;
      for (; j < source.length; j++) {
        if (source[j] === '\\') j++;
        else if (source[j] === '(') depth++;
        else if (source[j] === ')' && --depth === 0) break;
      }
      atom = source.slice(i, j + 1);
    } else atom = ch;
    i += Math.max(1, atom.length);
    const q = source.slice(i).match(/^(?:[*+?]|\{\d+(?:,\d*)?\})\??/)?.[0] ?? '';
    i += q.length;
    out.push({ atom, quantifier: q });
  }
  return out;
}

const unbounded = (q: string) => /^[*+]|^\{\d+,\}/.test(q);

/** Top-level alternatives of a group's body. */
function alternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

/**
 * Overlap: an unboundedly repeated group whose alternatives can begin with the same atom
 * (`(?:a|aa)+`), or the same atom repeated unboundedly twice in a row (`\w*\w*`). Both make the
 * engine try exponentially or polynomially many ways to split one input.
 */
function overlapRisk(source: string): string | null {
  const list = atoms(source);
  for (let k = 0; k < list.length; k++) {
    const { atom, quantifier } = list[k]!;
    if (atom.startsWith('(') && atom.endsWith(')')) {
      const body = atom.replace(/^\((?:\?(?::|=|!|<=|<!|<[A-Za-z]\w*>))?/, '').slice(0, -1);
      if (unbounded(quantifier)) {
        const firsts = alternatives(body).map((alt) => atoms(alt)[0]?.atom ?? '');
        if (new Set(firsts).size < firsts.length) return `alternatives of a repeated group overlap: ${atom}`;
      }
      const inner = overlapRisk(body);
      if (inner) return inner;
    }
    const next = list[k + 1];
    if (next && unbounded(quantifier) && unbounded(next.quantifier) && next.atom === atom) {
      return `adjacent repeats of ${atom}`;
    }
  }
  return null;
}

function nestedQuantifierRisk(source: string): string | null {
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

/**
 * A regex whose leading word boundary is checked in code after each match instead of inside the
 * regex: a pattern that opens with a lookbehind defeats V8's fast scan for the first character
 * (measured: ~40× slower on posts), so `\b…` and `(?<![\p{L}\p{N}])…` openers are stripped
 * and verified on the character before the match.
 */
export interface ScanRegex {
  re: RegExp;
  /** Which characters may not precede a match: any letter or digit, Latin letters only, or none. */
  lead: 'boundary' | 'word' | 'latin' | null;
}

const LEADS: [string, ScanRegex['lead']][] = [
  [UNICODE_BOUNDARY, 'boundary'],
  [`(?<![${LETTER_RANGES}0-9_])`, 'word'],
  [`(?<![${LETTER_RANGES}0-9])`, 'word'],
  [`(?<![${LATIN_RANGES}0-9_])`, 'latin'],
];

/** Splits a leading boundary off a normalized pattern source. */
export function splitLead(source: string): { body: string; lead: ScanRegex['lead'] } {
  for (const [prefix, lead] of LEADS) {
    if (source.startsWith(prefix) && source.length > prefix.length)
      return { body: source.slice(prefix.length), lead };
  }
  return { body: source, lead: null };
}

/**
 * A scan regex as data: what the build computes once (modules/prepared-rules.ts) so a page
 * only constructs regexes. `packed` sources spell the long letter classes as one placeholder
 * character each, to keep them small in the content script.
 */
export interface PreparedRegex {
  source: string;
  lead: ScanRegex['lead'];
  packed?: true;
}

/** Placeholders of packed sources (private-use characters), longest expansion first. */
const PACKING: readonly [string, string][] = [
  ['\uE001', UNICODE_BOUNDARY],
  ['\uE000', LETTER_RANGES],
];

function pack(source: string): PreparedRegex['source'] | null {
  if (PACKING.some(([mark]) => source.includes(mark))) return null;
  let out = source;
  for (const [mark, expansion] of PACKING) out = out.split(expansion).join(mark);
  return out === source ? null : out;
}

function unpack({ source, packed }: PreparedRegex): string {
  if (!packed) return source;
  let out = source;
  for (const [mark, expansion] of PACKING) out = out.split(mark).join(expansion);
  return out;
}

/** Prepares pattern sources (normalized here) as few scan regexes as their openers allow. */
export function preparePatterns(sources: readonly string[], normalized = false): PreparedRegex[] {
  const groups = new Map<ScanRegex['lead'], string[]>();
  for (const source of sources) {
    const { body, lead } = splitLead(expandProperties(normalized ? source : normalizePatternSource(source)));
    const list = groups.get(lead) ?? [];
    list.push(`(?:${body})`);
    groups.set(lead, list);
  }
  return [...groups].map(([lead, bodies]) => {
    const source = bodies.join('|');
    const packed = pack(source);
    return packed === null ? { source, lead } : { source: packed, lead, packed: true };
  });
}

/** Constructs prepared regexes (V8 compiles each on its first use). */
export function instantiatePatterns(prepared: readonly PreparedRegex[]): ScanRegex[] {
  return prepared.map((p) => ({ re: new RegExp(unpack(p), 'gu'), lead: p.lead }));
}

/** Compiles pattern sources (normalized here) into as few scan regexes as their openers allow. */
export function compilePatterns(sources: readonly string[], normalized = false): ScanRegex[] {
  return instantiatePatterns(preparePatterns(sources, normalized));
}

const wordTable = new Uint8Array(0x10000); // 0 unknown, 1 yes, 2 no
const latinTable = new Uint8Array(0x10000);
const WORD = /[\p{L}\p{N}_]/u;
const LATIN = /[\p{Script=Latin}\p{N}_]/u;
function classify(table: Uint8Array, re: RegExp, code: number): boolean {
  let v = table[code]!;
  if (v === 0) {
    v = code >= 0xd800 && code <= 0xdfff ? 2 : re.test(String.fromCharCode(code)) ? 1 : 2;
    table[code] = v;
  }
  return v === 1;
}

/** Whether a match at `index` satisfies the stripped leading boundary. */
export function leadOk(lead: ScanRegex['lead'], text: string, index: number): boolean {
  if (lead === null) return true;
  if (index === 0) return lead !== 'boundary' || classify(wordTable, WORD, text.charCodeAt(0));
  const before = text.charCodeAt(index - 1);
  const first = text.charCodeAt(index);
  if (lead === 'latin') return !classify(latinTable, LATIN, before);
  if (lead === 'word') return !classify(wordTable, WORD, before);
  // `\b`: a word character on exactly one side.
  return classify(wordTable, WORD, first) !== classify(wordTable, WORD, before);
}

/** Calls `onMatch` for each match of the scan regexes (at most `max` per regex), in regex order. */
export function scanAll(
  regexes: readonly ScanRegex[],
  text: string,
  max: number,
  onMatch: (m: RegExpExecArray) => void,
): void {
  for (const { re, lead } of regexes) {
    re.lastIndex = 0;
    let count = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (!leadOk(lead, text, m.index)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      onMatch(m);
      if (++count >= max) break;
    }
    re.lastIndex = 0;
  }
}

/** Whether any scan regex matches. */
export function scanTest(regexes: readonly ScanRegex[], text: string): boolean {
  let hit = false;
  scanAll(regexes, text, 1, () => {
    hit = true;
  });
  return hit;
}
