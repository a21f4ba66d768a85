// Word tokens for context rules (avoidNear, requireNear, notBefore, notAfter). A word is a run of
// letters/digits of a space-separated script, or one CJK character (those scripts have no spaces, so
// a rule word like "沙特" is compared as consecutive characters). Apostrophes and hyphens split words,
// the same way for the text and for the rule lists, so "People's" is ["people", "s"] on both sides.
import { BLOCK_BREAK, BLOCK_BREAK_CODE, CJK, SEPARATOR, charClass, isIgnorable, isSpace, normaliseUnit } from './chars.ts';

export interface WordSpan {
  start: number;
  end: number;
}

/** Up to `limit` words from `from` onwards, in document order, stopping at a block break. */
export function wordsAfter(text: string, from: number, limit: number): WordSpan[] {
  const words: WordSpan[] = [];
  let start = -1;
  let end = -1;
  for (let i = from; i < text.length && words.length < limit; ) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    if (cp === BLOCK_BREAK_CODE) break;
    if (!isIgnorable(cp)) {
      const cls = charClass(cp);
      if (cls === SEPARATOR || cls === CJK) {
        if (start >= 0) words.push({ start, end });
        start = -1;
        if (cls === CJK && words.length < limit) words.push({ start: i, end: i + size });
      } else {
        if (start < 0) start = i;
        end = i + size;
      }
    }
    i += size;
  }
  if (start >= 0 && words.length < limit) words.push({ start, end });
  return words;
}

/** Up to `limit` words ending at or before `to`, in document order, stopping at a block break. */
export function wordsBefore(text: string, to: number, limit: number): WordSpan[] {
  const words: WordSpan[] = [];
  let start = -1;
  let end = -1;
  for (let i = to; i > 0 && words.length < limit; ) {
    let cp = text.charCodeAt(i - 1);
    let size = 1;
    if (cp >= 0xdc00 && cp <= 0xdfff && i > 1) {
      const high = text.charCodeAt(i - 2);
      if (high >= 0xd800 && high <= 0xdbff) {
        cp = (high - 0xd800) * 0x400 + (cp - 0xdc00) + 0x10000;
        size = 2;
      }
    }
    if (cp === BLOCK_BREAK_CODE) break;
    if (!isIgnorable(cp)) {
      const cls = charClass(cp);
      if (cls === SEPARATOR || cls === CJK) {
        if (end >= 0) words.push({ start, end });
        end = -1;
        if (cls === CJK && words.length < limit) words.push({ start: i - size, end: i });
      } else {
        if (end < 0) end = i;
        start = i - size;
      }
    }
    i -= size;
  }
  if (end >= 0 && words.length < limit) words.push({ start, end });
  return words.reverse();
}

/** A word's comparable form: lower case, invisible characters removed. */
export function wordText(text: string, word: WordSpan): string {
  let raw = text.slice(word.start, word.end);
  if (/[\u00ad\u200b-\u200d\u2060\ufeff]/.test(raw)) raw = raw.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '');
  return raw.toLowerCase();
}

/** Splits a rule entry ("Fiat Chrysler", "沙特") into comparable words. */
export function ruleWords(phrase: string): string[] {
  return wordsAfter(phrase, 0, Infinity).map((word) => wordText(phrase, word));
}

/**
 * True when nothing but spaces, hyphens and invisible characters lies between `from` and `to`: the
 * words are adjacent ("Fed up", "Treasury-yields"), not separated by punctuation ("SEC's", "Fed, up").
 */
export function onlySpacingBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c) && !isIgnorable(c) && normaliseUnit(c) !== 0x2d) return false;
  }
  return true;
}

/**
 * Every word of a text in comparable form, blocks joined by an empty word (so that joined with
 * spaces, no phrase spans two blocks).
 */
export function documentWords(text: string): string[] {
  const words: string[] = [];
  for (const _ of collectDocumentWords(text, words));
  return words;
}

/** documentWords in steps: appends to `words`, yielding after every few thousand characters. */
export function* collectDocumentWords(text: string, words: string[]): Generator<void, void, void> {
  let from = 0;
  let sinceYield = 0;
  for (;;) {
    const end = text.indexOf(BLOCK_BREAK, from);
    // wordsAfter stops at the block break itself.
    for (const word of wordsAfter(text, from, Infinity)) words.push(wordText(text, word));
    if (end < 0) return;
    words.push('');
    sinceYield += end + 1 - from;
    from = end + 1;
    if (sinceYield >= 4096) {
      sinceYield = 0;
      yield;
    }
  }
}
