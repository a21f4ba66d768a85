import { BLOCK_BREAK } from './types.ts';

/**
 * `text` cut into parts of about `size` units for matchParts, each but the last ending just after a
 * BLOCK_BREAK (a part is longer where one block is). Joined, they are `text`.
 */
export function splitAtBlocks(text: string, size: number): string[] {
  const parts: string[] = [];
  let from = 0;
  while (text.length - from > size) {
    let cut = text.lastIndexOf(BLOCK_BREAK, from + size - 1);
    if (cut < from) cut = text.indexOf(BLOCK_BREAK, from + size);
    if (cut < 0) break;
    parts.push(text.slice(from, cut + 1));
    from = cut + 1;
  }
  if (from < text.length || parts.length === 0) parts.push(text.slice(from));
  return parts;
}
