import { BLOCK_BREAK, VISIBLE_UNIT } from '../text/chars.ts';

/**
 * Paragraph number of an offset, for offsets asked in increasing order. Blocks with nothing but
 * spaces do not count: page text has them between elements, and they separate no paragraphs.
 * Searches natively from block to block: a long page asks for offsets hundreds of kilobytes apart,
 * and a cold loop over every unit cost ~10 ms at 50k words.
 */
export function paragraphCounter(text: string): (offset: number) => number {
  const visible = new RegExp(VISIBLE_UNIT.source, 'g');
  let paragraph = 0;
  let scanned = 0;
  /** Whether text from the current block's start to `scanned` has a visible unit. */
  let seen = false;
  /** The first visible unit at or after `scanned` (text.length: none); -1 = not searched yet. */
  let nextVisible = -1;
  return (offset) => {
    while (scanned < offset) {
      const breakAt = text.indexOf(BLOCK_BREAK, scanned);
      const blockEnds = breakAt >= 0 && breakAt < offset;
      const stop = blockEnds ? breakAt : offset;
      if (!seen) {
        if (nextVisible < scanned) {
          visible.lastIndex = scanned;
          // test(), not exec(): no match object per block. The class matches one unit at a time.
          nextVisible = visible.test(text) ? visible.lastIndex - 1 : text.length;
        }
        seen = nextVisible < stop;
      }
      if (!blockEnds) {
        scanned = stop;
        break;
      }
      if (seen) paragraph++;
      seen = false;
      scanned = breakAt + 1;
    }
    return paragraph;
  };
}
