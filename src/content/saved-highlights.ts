import { anchorAll } from '../core/anchoring/anchor-all.ts';
import { SAVED_COLORS, type MarkLayer } from '../dom/marks.ts';
import type { TextMap } from '../dom/text-walk.ts';
import type { HighlightPlacement } from '../messaging/protocol.ts';
import type { HighlightStatus } from '../messaging/tab-protocol.ts';

/**
 * Draws the reader's saved passages again: exact quote first, position as a hint, then bounded fuzzy
 * matching, yielding between slices so a page with many highlights never blocks. Passages that cannot
 * be placed are kept as `missing` (the popup lists them as "not found on this page") and retried when
 * late content arrives.
 */
export class SavedHighlights {
  #placements: HighlightPlacement[] = [];
  readonly #placed = new Map<string, Range>();
  #abort = new AbortController();

  constructor(private readonly marks: MarkLayer) {}

  async draw(placements: HighlightPlacement[], map: TextMap): Promise<void> {
    this.#abort.abort();
    this.#abort = new AbortController();
    this.#placements = placements;
    this.#placed.clear();
    await this.#place(placements, map, this.#abort.signal);
  }

  /** Late content may hold passages that were missing: try those again on the new text. */
  async retryMissing(text: () => TextMap): Promise<void> {
    const missing = this.#placements.filter((placement) => !this.#placed.has(placement.id));
    if (missing.length) await this.#place(missing, text(), this.#abort.signal);
  }

  status(): HighlightStatus {
    const ids = this.#placements.map((placement) => placement.id);
    return { placed: ids.filter((id) => this.#placed.has(id)), missing: ids.filter((id) => !this.#placed.has(id)) };
  }

  rangeOf(id: string): Range | undefined {
    return this.#placed.get(id);
  }

  destroy(): void {
    this.#abort.abort();
    this.#placed.clear();
    for (const color of SAVED_COLORS) this.marks.clear(`saved-${color}`);
  }

  async #place(placements: HighlightPlacement[], map: TextMap, signal: AbortSignal): Promise<void> {
    const anchors = await anchorAll(map.text, placements, { signal });
    if (signal.aborted) return;
    anchors.forEach((anchor, index) => {
      const range = anchor && map.toRange(anchor.start, anchor.end);
      if (range) this.#placed.set(placements[index]!.id, range);
    });
    for (const color of SAVED_COLORS) {
      const ranges = this.#placements.filter((p) => p.color === color && this.#placed.has(p.id)).map((p) => this.#placed.get(p.id)!);
      this.marks.set(`saved-${color}`, ranges);
    }
  }
}
