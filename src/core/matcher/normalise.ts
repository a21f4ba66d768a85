// The form of an alias the automaton is keyed on. Computed by compileMatcher (build time, or in the
// background for the reader's own terms) and shipped sorted, so a page's start-up neither normalises
// nor sorts ~3,000 strings before its JIT has warmed up.
import { BLOCK_BREAK_CODE, foldUnit, isIgnorable, isSpace, normaliseUnit } from '../text/chars.ts';

// Printable ASCII words separated by single spaces: already in normal form.
const PLAIN = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;
// eslint-disable-next-line no-control-regex -- "any ASCII" includes the control range on purpose.
const ASCII = /^[\x00-\x7f]*$/;

/** The text as the scanner sees it: same normalisation, spaces collapsed, trimmed. */
export function normaliseText(text: string): string {
  if (PLAIN.test(text)) return text; // most aliases: skip the per-character loop
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isIgnorable(c)) continue;
    if (isSpace(c) || c === BLOCK_BREAK_CODE) {
      if (out !== '' && !out.endsWith(' ')) out += ' ';
    } else out += String.fromCharCode(normaliseUnit(c));
  }
  return out.trimEnd();
}

/** Case folding unit by unit (foldUnit), so that a key and the text it matches have equal lengths. */
export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase(); // same as foldUnit on ASCII, but native
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldUnit(text.charCodeAt(i)));
  return out;
}

/** The automaton's keys in UTF-16 code unit order (ties in row order), and the row of each. */
export function sortedKeys(texts: readonly string[]): { keys: string[]; keyRows: number[] } {
  const keys = texts.map((text) => fold(normaliseText(text)));
  const keyRows = keys.map((_, row) => row);
  // `<` on strings compares UTF-16 code units, the order the trie's children are searched in.
  keyRows.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  return { keys: keyRows.map((row) => keys[row]!), keyRows };
}
