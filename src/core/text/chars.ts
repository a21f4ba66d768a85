// Character classes for matching page text. Everything works on UTF-16 code units or code points so
// that offsets always index the caller's exact string: we normalise while scanning, never copy.

/** U+2029: separates blocks (see BLOCK_BREAK in matcher/types.ts, which is this). */
export const BLOCK_BREAK = '\u2029';
export const BLOCK_BREAK_CODE = 0x2029;

/** Zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen, as a RegExp class body. */
export const IGNORABLE_UNITS = '\u00ad\u200b-\u200d\u2060\ufeff';

/** Zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen: invisible, so skipped. */
export function isIgnorable(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/**
 * A unit that is neither space nor invisible nor a block break, for native searches through text
 * that isSpace and isIgnorable would otherwise check unit by unit (tests/unit/chars.test.ts).
 */
export const VISIBLE_UNIT = new RegExp(`[^\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000${IGNORABLE_UNITS}]`);

/** Whitespace that collapses to one space (not BLOCK_BREAK, which is a barrier). */
export function isSpace(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x85 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/**
 * The unit the automaton sees for a non-space, non-ignorable code unit: curly and full-width quotes
 * become ' and ", typographic hyphens and dashes become '-' (so "Sarbanes–Oxley" finds
 * "Sarbanes-Oxley"). Anything else is itself.
 */
export function normaliseUnit(c: number): number {
  if (c < 0x2010) return c === 0x2bc ? 0x27 : c; // U+02BC modifier apostrophe, used by some CMSs
  if (c <= 0x2015) return 0x2d; // ‐ ‑ ‒ – — ―
  if (c === 0x2018 || c === 0x2019 || c === 0x201b || c === 0xff07) return 0x27;
  if (c === 0x201c || c === 0x201d || c === 0x201f || c === 0xff02) return 0x22;
  if (c === 0xfe63 || c === 0xff0d) return 0x2d;
  return c;
}

// Lazily filled: 0 = not computed yet. One String#toLowerCase per distinct non-ASCII unit, ever.
// Allocated on first use: the content script loads this module on every page, most never annotated.
let foldCache: Uint16Array | null = null;

/**
 * Simple one-unit-to-one-unit lower-casing, identical for patterns and text (whole-string
 * toLowerCase would differ: final sigma, İ -> i̇). Units whose lower case is longer stay as they are.
 */
export function foldUnit(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
  const cache = (foldCache ??= new Uint16Array(0x10000));
  let folded = cache[c]!;
  if (folded === 0) {
    const lower = String.fromCharCode(c).toLowerCase();
    folded = lower.length === 1 ? lower.charCodeAt(0) : c;
    cache[c] = folded;
  }
  return folded;
}

export const SEPARATOR = 0;
/** A letter, digit or mark of a script that separates words with spaces: needs word boundaries. */
export const WORD = 1;
/** Han, Hiragana, Katakana, Hangul: no spaces between words, so no boundaries are required. */
export const CJK = 2;

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
// Script_Extensions, so that ー and 々 count as CJK too.
const CJK_RE = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;
/** ª ² ³ µ ¹ º ¼ ½ ¾: letters and numbers among U+0080–U+00BF (· is in Han's script extensions). */
const LATIN1_WORD = [0xaa, 0xb2, 0xb3, 0xb5, 0xb9, 0xba, 0xbc, 0xbd, 0xbe];
let classCache: Uint8Array | null = null; // class + 1; 0 = not computed yet; allocated on first use

export function charClass(codePoint: number): number {
  if (codePoint < 0x80) {
    const lower = codePoint | 0x20;
    return (codePoint >= 0x30 && codePoint <= 0x39) || (lower >= 0x61 && lower <= 0x7a) ? WORD : SEPARATOR;
  }
  // The commonest blocks without a RegExp test (a cold page meets hundreds of distinct characters):
  // Latin-1 and Latin Extended-A/B letters (bar × and ÷), Latin Extended Additional (Vietnamese
  // names), kana, CJK Unified Ideographs, Hangul syllables.
  if (codePoint >= 0xc0 && codePoint <= 0x24f) return codePoint === 0xd7 || codePoint === 0xf7 ? SEPARATOR : WORD;
  if (codePoint >= 0x1e00 && codePoint <= 0x1eff) return WORD;
  // Latin-1 punctuation and symbols (no-break space, «, ©, °) and General Punctuation (curly quotes,
  // dashes): English news is full of them, and the first RegExp test compiles Unicode tables (~2 ms).
  if (codePoint < 0xc0) return LATIN1_WORD.includes(codePoint) ? WORD : codePoint === 0xb7 ? CJK : SEPARATOR;
  if (codePoint >= 0x2000 && codePoint <= 0x206f) return SEPARATOR;
  if (isKana(codePoint) || (codePoint >= 0x4e00 && codePoint <= 0x9fff) || isHangulSyllable(codePoint)) return CJK;
  if (codePoint >= 0x10000) return classify(codePoint);
  const cache = (classCache ??= new Uint8Array(0x10000));
  const cached = cache[codePoint]!;
  if (cached !== 0) return cached - 1;
  const cls = classify(codePoint);
  cache[codePoint] = cls + 1;
  return cls;
}

const isHangulSyllable = (c: number): boolean => c >= 0xac00 && c <= 0xd7a3;
// Hiragana and Katakana blocks; U+3097 and U+3098 are unassigned.
const isKana = (c: number): boolean => c >= 0x3041 && c <= 0x30ff && c !== 0x3097 && c !== 0x3098;

/**
 * How many Latin characters of prose one UTF-16 unit is worth, for length thresholds set on
 * alphabetic text (where a word takes six characters with its space): a Chinese or Japanese
 * character carries about half a word, a Hangul syllable (Korean has spaces) about a third.
 */
export function proseWeight(unit: number): number {
  // Below kana, and surrogates (emoji): weight 1 without classifying, which would compile Unicode tables.
  if (unit < 0x3040 || (unit >= 0xd800 && unit <= 0xdfff)) return 1;
  if (isHangulSyllable(unit)) return 2;
  return charClass(unit) === CJK ? 3 : 1;
}

/** Some unit that may weigh more than 1: from kana up, surrogates aside. */
const MAY_WEIGH_MORE = /[\u3040-\ud7ff\ue000-\uffff]/;

/**
 * A text's length in Latin characters of the same content (see proseWeight). A text with nothing
 * from kana up is its length: the article check meets mostly such text, and a scan by RegExp costs
 * a fraction of a call per character.
 */
export function proseUnits(text: string): number {
  if (!MAY_WEIGH_MORE.test(text)) return text.length;
  let units = 0;
  for (let i = 0; i < text.length; i++) units += proseWeight(text.charCodeAt(i));
  return units;
}

/** The definition the fast paths of charClass follow; exported for a test that checks them all. */
export function classify(codePoint: number): number {
  const s = String.fromCodePoint(codePoint);
  return CJK_RE.test(s) ? CJK : WORD_RE.test(s) ? WORD : SEPARATOR;
}

/** The code point ending just before `index`, skipping ignorables; -1 at the start of the text. */
export function codePointBefore(text: string, index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    let c = text.charCodeAt(i);
    if (isIgnorable(c)) continue;
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const high = text.charCodeAt(i - 1);
      if (high >= 0xd800 && high <= 0xdbff) c = (high - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
    }
    return c;
  }
  return -1;
}

/** The code point starting at or after `index`, skipping ignorables; -1 at the end of the text. */
export function codePointFrom(text: string, index: number): number {
  for (let i = index; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isIgnorable(c)) continue;
    return c >= 0xd800 && c <= 0xdbff ? (text.codePointAt(i) ?? c) : c;
  }
  return -1;
}
