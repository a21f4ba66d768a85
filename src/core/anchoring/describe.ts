import type { Selectors } from '../highlights/model.ts';

/** Context kept on each side of a quote: enough to tell repeated quotes apart, small to store. */
export const CONTEXT_LENGTH = 32;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Describes text[start, end) as W3C TextQuote and TextPosition selectors. Offsets are UTF-16 indices
 * into the page text the DOM layer built. Context never starts or ends inside a surrogate pair, so
 * stored prefixes and suffixes stay valid Unicode (they travel through JSON and YAML exports).
 */
export function describe(text: string, start: number, end: number): Selectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`describe: [${start}, ${end}) is not a non-empty range of a ${text.length}-character text`);
  }
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd -= 1;
  return {
    quote: { exact: text.slice(start, end), prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) },
    position: { start, end },
  };
}
