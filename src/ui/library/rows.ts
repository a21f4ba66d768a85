import type { Highlight } from '../../core/highlights/model.ts';
import type { ArticleGroup } from '../../core/highlights/query.ts';

/**
 * The Library's virtual list is flat: an article header row, then its highlight rows. Heights are
 * estimated from the text (quotes clamp at 3 lines, notes at 3) and replaced by measured heights
 * once a row has been on screen, so the scrollbar is close from the start and exact where it matters.
 */

export type LibraryRow =
  | { kind: 'article'; key: string; group: ArticleGroup }
  | { kind: 'highlight'; key: string; highlight: Highlight; group: ArticleGroup };

export function toRows(groups: readonly ArticleGroup[]): LibraryRow[] {
  const rows: LibraryRow[] = [];
  for (const group of groups) {
    rows.push({ kind: 'article', key: `article:${group.url}`, group });
    for (const highlight of group.highlights) rows.push({ kind: 'highlight', key: highlight.id, highlight, group });
  }
  return rows;
}

/** Pixel sizes from library.css; only estimates, so they need not be exact. */
const LINE = 20;
const SMALL_LINE = 18;
/** Characters per line in the 380px popup (a CJK character counts about double). */
const CHARS_PER_LINE = 44;

/**
 * Rendered lines of `text`, up to `max`. Wide (CJK) characters count as two columns; with `breaks`,
 * a newline starts a line (notes keep them), otherwise it is a space (quotes collapse them). Runs
 * for every row on every search, so it reads char codes and stops once `max` lines are certain.
 */
function lines(text: string, max: number, breaks: boolean): number {
  if (text === '') return 0;
  const limit = Math.min(text.length, max * CHARS_PER_LINE);
  let total = 0;
  let width = 0;
  for (let i = 0; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 && breaks) {
      total += Math.max(1, Math.ceil(width / CHARS_PER_LINE));
      if (total >= max) return max;
      width = 0;
    } else {
      width += code >= 0x2e80 ? 2 : 1;
    }
  }
  total += Math.max(1, Math.ceil(width / CHARS_PER_LINE));
  return Math.min(max, total);
}

const highlightHeights = new WeakMap<Highlight, number>();

export function estimateRowHeight(row: LibraryRow): number {
  if (row.kind === 'article') return 14 + lines(row.group.title, 2, false) * LINE + SMALL_LINE;
  const h = row.highlight;
  let height = highlightHeights.get(h);
  if (height === undefined) {
    const note = h.note.trim() === '' ? 0 : lines(h.note, 3, true);
    height = 18 + lines(h.selectors.quote.exact, 3, false) * LINE + (note > 0 ? note * SMALL_LINE + 4 : 0) + 30;
    highlightHeights.set(h, height);
  }
  return height;
}
