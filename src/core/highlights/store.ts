import type { Color, Highlight } from './model.ts';

/** What the popup and options pages need from saved highlights: the Dexie store implements it, tests pass an in-memory one. */
export interface HighlightStore {
  /** Every highlight, newest first. */
  all(): Promise<Highlight[]>;
  /** The newest `limit` highlights: enough for a first screen while the rest loads. */
  newest(limit: number): Promise<Highlight[]>;
  forUrl(url: string): Promise<Highlight[]>;
  update(id: string, changes: { note?: string; tags?: string[]; color?: Color }): Promise<Highlight>;
  /** Removes and returns the highlight, so the caller can offer undo. */
  remove(id: string): Promise<Highlight | null>;
  restore(highlight: Highlight): Promise<void>;
  /**
   * Adds the highlights whose ids are not stored yet, all or nothing: if one cannot be written, none
   * is. Resolves to the number added. Callers validate first (parseImport); the store checks again.
   */
  import(highlights: readonly Highlight[]): Promise<number>;
}
