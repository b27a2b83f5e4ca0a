/**
 * Text normalization with a map back to the original, so findings can be highlighted.
 *
 * NFKD compatibility folding (full-width, ligatures, mathematical letters), accents and Arabic
 * diacritics dropped, case folded; zero-width characters, soft hyphens, bidi controls and tatweel
 * removed; alef / yaa / alef maqsura / taa marbuta variants unified; Persian letter forms and
 * Arabic-Indic digits mapped; Cyrillic and Greek look-alikes folded inside Latin words.
 */
import { isArabicLetterUnit, isArabicUnit } from './arabic';

export interface Normalized {
  /** The normalized text. */
  text: string;
  /** For each UTF-16 unit of `text`, the index of the original unit it came from. */
  map: Int32Array;
}

const DROP = -2;
const UNKNOWN = -1;
/** BMP code unit → single normalized unit, DROP, or UNKNOWN (not computed yet). */
const single = new Int32Array(0x10000).fill(UNKNOWN);
/** Code points whose normalization is more than one unit (ligatures, astral letters). */
const multi = new Map<number, string>();

// Cyrillic and Greek letters that read as Latin ones (lowercase, after case folding).
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ј: 'j',
  ԁ: 'd',
  һ: 'h',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
  ɡ: 'g',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
};
const LOOKALIKE_UNITS = new Map<number, number>(
  Object.entries(LOOKALIKES).map(([k, v]) => [k.charCodeAt(0), v.charCodeAt(0)]),
);
// Greek capitals read as the Latin capital they look like, not as their lowercase: "ΑΝΖΕΙGΕ" is
// ANZEIGE (lowercase ν would read as v). Keyed by the original letter, before case folding.
const CAPITAL_LOOKALIKES = new Map<number, number>(
  Object.entries({
    Α: 'a',
    Β: 'b',
    Ε: 'e',
    Ζ: 'z',
    Η: 'h',
    Ι: 'i',
    Κ: 'k',
    Μ: 'm',
    Ν: 'n',
    Ο: 'o',
    Ρ: 'p',
    Τ: 't',
    Υ: 'y',
    Χ: 'x',
  }).map(([k, v]) => [k.charCodeAt(0), v.charCodeAt(0)]),
);
// Letter-like symbols compatibility folding leaves alone: small capitals ("ᴄᴏᴅᴇ"), keyed by the letter.
const SMALL_CAPITALS = new Map<number, string>(
  Object.entries({
    ᴀ: 'a',
    ʙ: 'b',
    ᴄ: 'c',
    ᴅ: 'd',
    ᴇ: 'e',
    ꜰ: 'f',
    ɢ: 'g',
    ʜ: 'h',
    ɪ: 'i',
    ᴊ: 'j',
    ᴋ: 'k',
    ʟ: 'l',
    ᴍ: 'm',
    ɴ: 'n',
    ᴏ: 'o',
    ᴘ: 'p',
    ʀ: 'r',
    ꜱ: 's',
    ᴛ: 't',
    ᴜ: 'u',
    ᴠ: 'v',
    ᴡ: 'w',
    ʏ: 'y',
    ᴢ: 'z',
  }).map(([k, v]) => [k.charCodeAt(0), v]),
);
/** Negative circled and negative squared letters ("🅲🅾🅳🅴"), which have no compatibility form. */
const enclosedLetter = (cp: number): string | undefined => {
  for (const start of [0x1f150, 0x1f170])
    if (cp >= start && cp < start + 26) return String.fromCharCode(0x61 + cp - start);
  return undefined;
};

function isDropped(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) || // combining accents (after NFKD)
    (cp >= 0x0610 && cp <= 0x061a) || // Arabic honorific marks
    cp === 0x061c || // Arabic letter mark (bidi)
    (cp >= 0x064b && cp <= 0x065f) || // harakat, hamza above/below
    cp === 0x0670 || // superscript alef
    cp === 0x0640 || // tatweel
    (cp >= 0x06d6 && cp <= 0x06ed) || // Quranic marks
    cp === 0x00ad || // soft hyphen
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) || // zero-width, LRM/RLM
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x2066 && cp <= 0x2069) || // bidi isolates
    cp === 0xfeff
  );
}

/** Arabic and Persian letter unification and digit mapping, applied after NFKD. */
function unify(cp: number): number {
  if (cp >= 0x0660 && cp <= 0x0669) return 0x30 + cp - 0x0660; // Arabic-Indic digits
  if (cp >= 0x06f0 && cp <= 0x06f9) return 0x30 + cp - 0x06f0; // Persian digits
  switch (cp) {
    case 0x0622: // آ
    case 0x0623: // أ
    case 0x0625: // إ
    case 0x0671: // ٱ
      return 0x0627; // ا
    case 0x0649: // ى
    case 0x06cc: // ی
    case 0x0626: // ئ
      return 0x064a; // ي
    case 0x0629: // ة
    case 0x06d5: // ە
    case 0x06c0: // ۀ
      return 0x0647; // ه
    case 0x0624: // ؤ
      return 0x0648; // و
    case 0x06a9: // ک
      return 0x0643; // ك
    case 0x2018:
    case 0x2019:
    case 0x02bc:
    case 0x2032:
      return 0x27; // '
    case 0x201c:
    case 0x201d:
      return 0x22; // "
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
      return 0x2d; // -
    case 0x00a0:
    case 0x202f:
      return 0x20;
    default:
      return cp;
  }
}

/** Normalizes one code point into a string (possibly empty). */
function foldCodePoint(cp: number): string {
  if (isDropped(cp)) return '';
  const letter = SMALL_CAPITALS.get(cp) ?? enclosedLetter(cp);
  if (letter) return letter;
  const decomposed = String.fromCodePoint(cp).normalize('NFKD');
  let out = '';
  for (const ch of decomposed.toLowerCase()) {
    const c = unify(ch.codePointAt(0)!);
    if (!isDropped(c)) out += String.fromCodePoint(c);
  }
  return out;
}

function lookup(cp: number): string | number {
  if (cp < 0x10000) {
    let v = single[cp]!;
    if (v === UNKNOWN) {
      const s = foldCodePoint(cp);
      if (s.length === 0) v = DROP;
      else if (s.length === 1) v = s.charCodeAt(0);
      else {
        multi.set(cp, s);
        v = 0x10000; // marker: see `multi`
      }
      single[cp] = v;
    }
    return v === 0x10000 ? multi.get(cp)! : v;
  }
  let s = multi.get(cp);
  if (s === undefined) {
    s = foldCodePoint(cp);
    multi.set(cp, s);
  }
  return s;
}

const isAsciiLetter = (u: number) => u >= 0x61 && u <= 0x7a;
const isCyrGreek = (u: number) => u >= 0x0370 && u <= 0x04ff;
const isWordUnit = (u: number) =>
  isAsciiLetter(u) ||
  (u >= 0x30 && u <= 0x39) ||
  isCyrGreek(u) ||
  u === 0x0261 ||
  (u >= 0x0500 && u <= 0x052f);

export function normalize(input: string): Normalized {
  const n = input.length;
  let buf = new Uint16Array(n + 16);
  let map = new Int32Array(n + 16);
  let len = 0;
  // Current word, for the look-alike pass.
  let wordStart = 0;
  let sawLatin = false;
  let sawLookalike = false;
  /** A Cyrillic or Greek letter with no Latin twin: the word is really Cyrillic or Greek. */
  let sawOtherScript = false;
  let sawDigit = false;
  /** The last word ended with Latin letters (after folding). */
  let prevLatin = false;

  const push = (unit: number, origin: number) => {
    if (len === buf.length) {
      const nb = new Uint16Array(buf.length * 2);
      nb.set(buf);
      buf = nb;
      const nm = new Int32Array(map.length * 2);
      nm.set(map);
      map = nm;
    }
    buf[len] = unit;
    map[len] = origin;
    len++;
    if (isWordUnit(unit)) {
      if (isAsciiLetter(unit)) sawLatin = true;
      else if (LOOKALIKE_UNITS.has(unit) || CAPITAL_LOOKALIKES.has(input.charCodeAt(origin)))
        sawLookalike = true;
      else if (unit >= 0x30 && unit <= 0x39) sawDigit = true;
      else sawOtherScript = true;
    } else {
      endWord();
      wordStart = len;
    }
  };
  const endWord = () => {
    // A word mixing Latin and look-alike letters ("Ѕponѕored") is Latin. So is a word made only of
    // look-alikes (and digits) that is a code ("ЈОВЅ30") or follows a Latin word ("соde ЈОВЅ"):
    // real Cyrillic or Greek text has letters with no Latin twin, and is read as it is.
    const allLookalike = sawLookalike && !sawLatin && !sawOtherScript;
    if ((sawLatin && sawLookalike) || (allLookalike && (sawDigit || prevLatin))) {
      for (let j = wordStart; j < len; j++) {
        const r = CAPITAL_LOOKALIKES.get(input.charCodeAt(map[j]!)) ?? LOOKALIKE_UNITS.get(buf[j]!);
        if (r !== undefined) buf[j] = r;
      }
      prevLatin = true;
    } else if (sawLatin || sawLookalike || sawOtherScript) prevLatin = sawLatin && !sawOtherScript;
    sawLatin = false;
    sawLookalike = false;
    sawOtherScript = false;
    sawDigit = false;
  };

  for (let i = 0; i < n; i++) {
    let cp = input.charCodeAt(i);
    const origin = i;
    // Fast path: ASCII.
    if (cp < 0x80) {
      push(cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp, origin);
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const lo = input.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    const v = lookup(cp);
    if (typeof v === 'number') {
      if (v !== DROP) push(v, origin);
    } else {
      for (let k = 0; k < v.length; k++) push(v.charCodeAt(k), origin);
    }
  }
  endWord();
  foldLeetspeak(buf, len);
  len = joinSpacedLetters(buf, map, len);

  let text = '';
  const CHUNK = 8192;
  for (let s = 0; s < len; s += CHUNK) {
    text += String.fromCharCode.apply(null, buf.subarray(s, Math.min(len, s + CHUNK)) as unknown as number[]);
  }
  return { text, map: map.subarray(0, len) };
}

/**
 * Leetspeak inside a word, as a reader reads it (in place): a zero between two Latin letters is o
 * ("c0de", "k0d"), and an at sign between them is a ("Ch@tGPT") unless what follows it has a dot
 * before the next space (an email address).
 */
function foldLeetspeak(buf: Uint16Array, len: number): void {
  for (let j = 1; j + 1 < len; j++) {
    const u = buf[j];
    if ((u !== 0x30 && u !== 0x40) || !isAsciiLetter(buf[j - 1]!) || !isAsciiLetter(buf[j + 1]!)) continue;
    if (u === 0x30) buf[j] = 0x6f;
    else {
      let k = j + 1;
      while (k < len && (isAsciiLetter(buf[k]!) || isDigitUnit(buf[k]!))) k++;
      if (buf[k] !== DOT || k + 1 >= len || !isAsciiLetter(buf[k + 1]!)) buf[j] = 0x61;
    }
  }
}

const isLetterUnit = (u: number) => isAsciiLetter(u) || isCyrGreek(u) || isArabicLetterUnit(u);
// Arabic letters, and Arabic-Indic digits and extended letters (U+0660–U+06FF), but not Arabic punctuation.
const isWordish = (u: number) => isWordUnit(u) || isArabicLetterUnit(u) || (isArabicUnit(u) && u >= 0x0660);
/** A letter standing alone: no word character right after it. */
const standsAlone = (buf: Uint16Array, j: number, len: number) =>
  isLetterUnit(buf[j]!) && (j + 1 >= len || !isWordish(buf[j + 1]!));
const SPACE = 0x20;
const HASH = 0x23;

const DOT = 0x2e;
const DASH = 0x2d;
const isDigitUnit = (u: number) => u >= 0x30 && u <= 0x39;
/** A letter or digit standing alone: no word character right after it. */
const unitAlone = (buf: Uint16Array, j: number, len: number) =>
  (isLetterUnit(buf[j]!) || isDigitUnit(buf[j]!)) && (j + 1 >= len || !isWordish(buf[j + 1]!));
/** Between spelled-out letters: spaces, dots, dashes, underscores, stars or middle dots ("s.p.o.n.s.o.r.e.d", "إ-ع-ل-ا-ن"). */
const isSpellGap = (u: number) =>
  u === SPACE ||
  u === DOT ||
  u === DASH ||
  u === 0x5f ||
  u === 0x2a ||
  u === 0xb7 ||
  u === 0x2022 ||
  isEmojiUnit(u);
/** Emoji between spelled-out letters ("s✨p✨o✨n✨s✨o✨r✨e✨d"): symbols, dingbats, a variation selector, or half of an astral pictograph. */
const isEmojiUnit = (u: number) =>
  (u >= 0x2600 && u <= 0x27bf) ||
  u === 0xfe0f ||
  (u >= 0xd83c && u <= 0xd83e) ||
  (u >= 0xdc00 && u <= 0xdfff);
/** The most separator units read as one gap between two spelled-out letters ("c  o  d  e", "a . d", "s✨️p", "n 🔥 a"). */
const MAX_GAP = 4;

/**
 * Letters spelled out one by one are the word they spell, as a reader reads them: "s p o n s o r e d",
 * "s.p.o.n.s.o.r.e.d", "إ-ع-ل-ا-ن", "M I L O 2 0", "# a d", "#a.d". A run of four or more single
 * letters or digits (at least three of them letters), or two or more letters after "#", separated
 * by one to three spaces, dots, dashes, underscores, stars or middle dots, loses its separators (in
 * place; returns the new length).
 */
function joinSpacedLetters(buf: Uint16Array, map: Int32Array, len: number): number {
  let out = 0;
  let i = 0;
  while (i < len) {
    // A single letter: a letter with no word unit before it (in the output) or after it.
    const runStart = i;
    // "# a d", "#a.d", "#a  d": a hashtag whose letters stand apart.
    const hashGap = buf[i + 1] === SPACE ? 1 : 0;
    const hashed = buf[i] === HASH && i + 1 + hashGap < len && standsAlone(buf, i + 1 + hashGap, len);
    let j = hashed ? i + 1 + hashGap : i;
    let letters = 0;
    let units = 0;
    // Every gap of a run is alike: "c o d e  M I L O" and "c.o.d.e M.I.L.O" are two words each.
    let gapWidth = 0;
    let gapUnit = 0;
    const prevIsWord = out > 0 && isWordish(buf[out - 1]!);
    if (!prevIsWord || hashed) {
      const alone = hashed ? standsAlone : unitAlone;
      while (j < len && alone(buf, j, len)) {
        units++;
        if (isLetterUnit(buf[j]!)) letters++;
        // The next letter, after a gap of one to MAX_GAP separators.
        let next = j + 1;
        while (next < len && next - j - 1 < MAX_GAP && isSpellGap(buf[next]!)) next++;
        if (next === j + 1 || (gapWidth > 0 && (next - j - 1 !== gapWidth || buf[j + 1] !== gapUnit)))
          next = -1;
        else {
          gapWidth = next - j - 1;
          gapUnit = buf[j + 1]!;
        }
        if (next > 0 && next < len && alone(buf, next, len)) j = next;
        else {
          j++;
          break;
        }
      }
    }
    // Three Arabic letters apart by something other than spaces are a word ("ك-و-د"): spaced single
    // letters are ordinary in Arabic ("و" is "and"), and Latin ones are initials ("U.S.A", "a.k.a").
    const three = units === 3 && letters === 3 && gapUnit !== SPACE && isArabicLetterUnit(buf[runStart]!);
    if (hashed ? letters >= 2 : (units >= 4 && letters >= 3) || three) {
      if (hashed) {
        buf[out] = HASH;
        map[out++] = map[runStart]!;
      }
      for (let k = hashed ? runStart + 1 : runStart; k < j; k++) {
        if (isSpellGap(buf[k]!)) continue;
        buf[out] = buf[k]!;
        map[out++] = map[k]!;
      }
      i = j;
      continue;
    }
    buf[out] = buf[i]!;
    map[out++] = map[i]!;
    i++;
  }
  return out;
}

/** Normalizes a short string (a rule literal, a label, a keyword). */
export function normalizeText(input: string): string {
  return normalize(input).text;
}

/** Maps a [start, end) span of normalized text back to the original. */
export function toOriginalSpan(norm: Normalized, start: number, end: number): [number, number] {
  if (norm.map.length === 0) return [0, 0];
  const s = norm.map[Math.min(start, norm.map.length - 1)]!;
  const e = end > 0 ? norm.map[Math.min(end - 1, norm.map.length - 1)]! + 1 : s;
  return [s, e];
}
