/**
 * Keyword gating. Every rule names whole-word keywords (or prefixes, written `sponsor*`); one pass
 * over an item's normalized text hashes its tokens, and only rules whose keywords occur are run.
 * This keeps the engine near a single regex pass on the long tail of ordinary posts.
 */
import { isArabicUnit } from './arabic';

/** A test of one UTF-16 unit against `re`, cached per unit; surrogate halves never match. */
export function unitTest(re: RegExp): (unit: number) => boolean {
  const known = new Uint8Array(0x10000); // 0 unknown, 1 matches, 2 does not
  return (u) => {
    let c = known[u]!;
    if (c === 0) {
      c = u >= 0xd800 && u <= 0xdfff ? 2 : re.test(String.fromCharCode(u)) ? 1 : 2;
      known[u] = c;
    }
    return c === 1;
  };
}

/** A word unit (letter, digit or underscore): what keywords, and brand names in memory, are bounded by. */
export const isWord = unitTest(/[\p{L}\p{N}_]/u);

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 16777619;
const HASH = 0x23;
const UNDERSCORE = 0x5f;
const AL = [0x0627, 0x0644]; // ال
const ONE_LETTER_PREFIXES = new Set([0x0648, 0x0641, 0x0628, 0x0644, 0x0643]); // و ف ب ل ك

/** FNV-1a over a range of UTF-16 code units: the one hash for keywords and ids. */
export function fnv1a(s: string, from = 0, to = s.length): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

const hasAl = (s: string, o: number) => s.charCodeAt(o) === AL[0] && s.charCodeAt(o + 1) === AL[1];

/**
 * Calls `visit(offset, end)` for each offset at which an Arabic token's stem may start once clitic
 * prefixes (و ف ب ل ك ال) are removed, leaving at least two letters. No allocation: it runs on
 * every Arabic word.
 */
function arabicStems(s: string, start: number, end: number, visit: (from: number, to: number) => void): void {
  const first = s.charCodeAt(start);
  if (!isArabicUnit(first)) return;
  // Each stem visited leaves at least two letters (no closure per word: this runs on every Arabic word).
  // "لل" = لِ + ال
  if (first === 0x0644 && s.charCodeAt(start + 1) === 0x0644 && end - start >= 4) visit(start + 2, end);
  if (hasAl(s, start) && end - start >= 4) visit(start + 2, end);
  if (!ONE_LETTER_PREFIXES.has(first)) return;
  if (end - start >= 3) visit(start + 1, end);
  if (hasAl(s, start + 1) && end - start >= 5) visit(start + 3, end);
  // A conjunction before a preposition: وب، فب، ول، فل، وك ("وبكود", "فللرابط").
  const second = s.charCodeAt(start + 1);
  if (
    (first === 0x0648 || first === 0x0641) &&
    (second === 0x0628 || second === 0x0644 || second === 0x0643)
  ) {
    if (end - start >= 4) visit(start + 2, end);
    if (hasAl(s, start + 2) && end - start >= 6) visit(start + 4, end);
    // و/ف + لل ("وللمساعد"): the stem after لِـ + ال.
    if (second === 0x0644 && s.charCodeAt(start + 2) === 0x0644 && end - start >= 5) visit(start + 3, end);
  }
}

/** Gate lists as sets (built once per list): a post's few keywords are looked up in it, not hundreds of gates in the post's. */
const gateSets = new WeakMap<readonly number[], Set<number>>();
/** Whether any of `gates` is among the keywords `present`. */
export function anyPresent(gates: readonly number[], present: ReadonlySet<number>): boolean {
  let set = gateSets.get(gates);
  if (!set) {
    set = new Set(gates);
    gateSets.set(gates, set);
  }
  for (const h of present) if (set.has(h)) return true;
  return false;
}

export interface KeywordIndex {
  /** Hashes of whole-word keywords. */
  words: Set<number>;
  /** Hashes of prefix keywords, by prefix length. */
  prefixes: Map<number, Set<number>>;
  /** Hashes of hashtag-suffix keywords (`*ambassador`: #notionambassador), by suffix length. */
  suffixes: Map<number, Set<number>>;
}

export function hashKeyword(keyword: string): {
  hash: number;
  prefixLength: number | null;
  suffixLength: number | null;
} {
  const prefix = keyword.endsWith('*');
  const suffix = !prefix && keyword.startsWith('*');
  const word = prefix ? keyword.slice(0, -1) : suffix ? keyword.slice(1) : keyword;
  return {
    hash: fnv1a(word, 0, word.length),
    prefixLength: prefix ? word.length : null,
    suffixLength: suffix ? word.length : null,
  };
}

/**
 * Returns the set of keyword hashes (whole words and prefixes) present in normalized text, in one
 * pass. A hashtag yields its token with and without `#`.
 */
export function presentKeywords(text: string, index: KeywordIndex): Set<number> {
  const found = new Set<number>();
  const n = text.length;
  const { byLength: prefixByLength, lengths: prefixLengths } = prefixTable(index);
  const maxPrefix = prefixByLength.length - 1;
  const check = (from: number, to: number) => {
    const h = fnv1a(text, from, to);
    if (index.words.has(h)) found.add(h);
    for (const len of prefixLengths) {
      if (to - from >= len) {
        const ph = fnv1a(text, from, from + len);
        if (prefixByLength[len]!.has(ph)) found.add(ph);
      }
    }
  };
  let i = 0;
  while (i < n) {
    if (!isWord(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    const tagged = start > 0 && text.charCodeAt(start - 1) === HASH;
    let h = FNV_OFFSET;
    let th = Math.imul(FNV_OFFSET ^ HASH, FNV_PRIME);
    for (let c = text.charCodeAt(i); i < n && isWord(c); c = text.charCodeAt(++i)) {
      h = Math.imul(h ^ c, FNV_PRIME);
      if (tagged) th = Math.imul(th ^ c, FNV_PRIME);
      const len = i - start + 1;
      if (len <= maxPrefix) {
        const set = prefixByLength[len];
        if (set?.has(h >>> 0)) found.add(h >>> 0);
      }
    }
    if (index.words.has(h >>> 0)) found.add(h >>> 0);
    if (tagged && index.words.has(th >>> 0)) found.add(th >>> 0);
    if (tagged)
      for (const [len, set] of index.suffixes) {
        if (i - start > len) {
          const sh = fnv1a(text, i - len, i);
          if (set.has(sh)) found.add(sh);
        }
      }
    const first = text.charCodeAt(start);
    if (isArabicUnit(first)) arabicStems(text, start, i, check);
    // A hashtag joins words with "_" (#كود_خصم_نون, #promo_code): each word is a token too.
    if (tagged && text.lastIndexOf('_', i - 1) >= start) {
      let from = start;
      for (let j = start; j <= i; j++) {
        if (j < i && text.charCodeAt(j) !== UNDERSCORE) continue;
        if (j > from) check(from, j);
        if (isArabicUnit(text.charCodeAt(from))) arabicStems(text, from, j, check);
        from = j + 1;
      }
    }
  }
  return found;
}

/** Prefix keyword sets indexed by length (an array, not a map: looked up at every letter), and their lengths in the index's order. */
const prefixTables = new WeakMap<
  KeywordIndex,
  { byLength: (Set<number> | undefined)[]; lengths: number[] }
>();
function prefixTable(index: KeywordIndex) {
  let table = prefixTables.get(index);
  // Keyword indexes grow while rules are instantiated; the table follows their size.
  if (!table || table.lengths.length !== index.prefixes.size) {
    const byLength: (Set<number> | undefined)[] = [undefined];
    for (const [len, set] of index.prefixes) byLength[len] = set;
    for (let k = 0; k < byLength.length; k++) byLength[k] ??= undefined;
    table = { byLength, lengths: [...index.prefixes.keys()] };
    prefixTables.set(index, table);
  }
  return table;
}
