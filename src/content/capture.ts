import { describe } from '../core/anchoring/describe.ts';
import { readPageMeta } from '../dom/page-meta.ts';
import { offsetOf } from '../dom/text-offsets.ts';
import type { TextMap } from '../dom/text-walk.ts';
import type { HighlightDraft } from '../messaging/protocol.ts';
import type { Mention } from './annotator.ts';

const BLOCKS = 'p, li, blockquote, td, h1, h2, h3, h4, h5, h6, figcaption, dd, section, article';

/**
 * Turns the reader's selection into a highlight draft: W3C quote and position selectors over the
 * page text, the page's own URL facts, and the entities in or next to the passage (those in the same
 * paragraph). Null when nothing savable is selected.
 */
export function draftFromSelection(doc: Document, map: TextMap, mentions: readonly Mention[]): HighlightDraft | null {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = offsetOf(map, range.startContainer, range.startOffset);
  const end = offsetOf(map, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  const selected = map.text.slice(start, end);
  if (!selected.trim()) return null;
  // Whitespace at the edges of a selection is not part of the passage.
  const trimmedStart = start + (selected.length - selected.trimStart().length);
  const trimmedEnd = end - (selected.length - selected.trimEnd().length);
  const meta = readPageMeta(doc);
  return {
    id: crypto.randomUUID(),
    url: doc.location.href,
    ...(meta.canonical ? { canonical: meta.canonical } : {}),
    ...(meta.published ? { published: meta.published } : {}),
    title: doc.title.slice(0, 1000),
    selectors: describe(map.text, trimmedStart, trimmedEnd),
    entities: entitiesNear(range, mentions),
  };
}

function entitiesNear(range: Range, mentions: readonly Mention[]): string[] {
  const container = range.commonAncestorContainer;
  const element = container.nodeType === 1 ? (container as Element) : container.parentElement;
  const block = element?.closest(BLOCKS) ?? element;
  const ids = mentions
    .filter((mention) => range.intersectsNode(mention.range.startContainer) || (block && block.contains(mention.range.startContainer)))
    .map((mention) => mention.id);
  return [...new Set(ids)].slice(0, 64);
}
