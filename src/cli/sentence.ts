import { BLOCK_BREAK } from '../core/matcher/types.ts';

/** Words whose trailing dot does not end a sentence ("Mr. Powell", "U.S. Treasury", "Corp."). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'inc', 'co', 'corp', 'ltd', 'plc', 'no', 'vs',
  'gov', 'sen', 'rep', 'gen', 'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec',
  'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'n.y', 'd.c', 'etc', 'approx', 'est',
]);
const CLOSERS = /["'”’)\]]/;
const FULL_STOPS = '。！？';
/** Context longer than this is cut around the match: a page without punctuation is one "sentence". */
const MAX_CONTEXT = 400;

/** The sentence holding text[start, end), whitespace collapsed, invisible characters removed. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && from > start - MAX_CONTEXT && !endsSentence(text, from - 1)) from--;
  let to = end;
  while (to < text.length && to < end + MAX_CONTEXT && !endsSentence(text, to)) to++;
  if (to < text.length && text[to] !== BLOCK_BREAK) to++; // keep the full stop
  while (to < text.length && CLOSERS.test(text[to]!)) to++;
  // `He said "yes." Then` : the quote after the full stop closes the previous sentence.
  if (from > 0 && '.!?'.includes(text[from - 1]!)) while (from < start && CLOSERS.test(text[from]!)) from++;
  return tidy(text.slice(from, to));
}

export function tidy(text: string): string {
  return text.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '').replace(/\s+/g, ' ').trim();
}

/** Whether the character at `i` closes a sentence: a block end, or a full stop that is not an abbreviation. */
function endsSentence(text: string, i: number): boolean {
  const c = text[i]!;
  if (c === BLOCK_BREAK) return true;
  if (FULL_STOPS.includes(c)) return true;
  if (c !== '.' && c !== '!' && c !== '?') return false;
  // Closing quotes and brackets stay with their sentence: `... risks."` ends after the quote.
  let next = i + 1;
  while (next < text.length && CLOSERS.test(text[next]!)) next++;
  if (next < text.length && !/\s/.test(text[next]!)) return false; // "3.5", "S.E.C"
  if (c !== '.') return true;
  let wordStart = i;
  while (wordStart > 0 && /[\p{L}.]/u.test(text[wordStart - 1]!)) wordStart--;
  const word = text.slice(wordStart, i).toLowerCase();
  if (ABBREVIATIONS.has(word)) return false;
  return !/^\p{Lu}$/u.test(text.slice(wordStart, i)); // an initial: "Jerome H. Powell"
}
