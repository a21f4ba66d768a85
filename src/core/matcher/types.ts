import type { Kind } from '../glossary/schema.ts';

/** One recognised mention. Offsets are UTF-16 indices into the exact input string. */
export interface Match {
  start: number;
  end: number;
  /** The input's own text between start and end (never the normalised form). */
  text: string;
  id: string;
  kind: Kind;
  /** Set when the mention is a generic reference ("the central bank") resolved to a named body. */
  anaphor?: true;
}

/**
 * Separates blocks (paragraphs, headings, list items) in text built from a page. No name may span it,
 * and context rules (avoidNear/requireNear windows) do not look across it either.
 */
export const BLOCK_BREAK = '\u2029';

export interface Matcher {
  /** All mentions in document order, longest match wins, no overlaps. */
  match(text: string): Match[];
}
