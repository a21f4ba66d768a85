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
export { BLOCK_BREAK } from '../text/chars.ts';

export interface Matcher {
  /** All mentions in document order, longest match wins, no overlaps. */
  match(text: string): Match[];
}

/** What createMatcher makes; the background needs the sliced form, a CLI or a test stub need not. */
export interface SlicingMatcher extends Matcher {
  /**
   * The same work in resumable steps, so that a long page is annotated without a long task (a 200k-word
   * page takes hundreds of milliseconds cold). Its result always equals `match(text)`.
   */
  matchIncremental(text: string): MatchJob;
  /** The same for a text that arrives in parts (see PartsJob). */
  matchParts(): PartsJob;
}

/**
 * A text matched as it arrives: each part is scanned when added, the rest once all have come. Parts
 * are cut just after a BLOCK_BREAK (see splitAtBlocks), which no name spans.
 */
export interface PartsJob {
  add(part: string): void;
  /** The job for the text made of every part added; its result equals `match(parts.join(''))`. */
  finish(): MatchJob;
}

/** `match(text)` cut into slices: call `step` until it returns true, yielding to the page between calls. */
export interface MatchJob {
  /**
   * Works until `deadline` (a `performance.now()` time) has passed or the job is done; returns whether
   * it is done. A step overruns the deadline by at most one unit of work (a few thousand characters).
   */
  step(deadline: number): boolean;
  /** The whole result, equal to `match(text)`, once `step` has returned true; null before. */
  readonly result: Match[] | null;
}
