/**
 * The one module that paints marks on a page. It uses the CSS Custom Highlight API: ranges are
 * registered under a name and styled by `::highlight(name)` rules from the extension's own stylesheet,
 * so the page gains no nodes, its layout cannot shift and its scripts see no foreign elements.
 */
import { createNearViewport, type NearViewport } from './near-viewport.ts';

export const SAVED_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export const MARK_CATEGORIES = ['body', 'law', 'phrase', ...SAVED_COLORS.map((color) => `saved-${color}` as const), 'focus'] as const;
export type MarkCategory = (typeof MARK_CATEGORIES)[number];

export const highlightName = (category: MarkCategory) => `reglens-${category}`;

export interface MarkLayer {
  readonly supported: boolean;
  add(category: MarkCategory, ranges: Iterable<Range>): void;
  /** Replaces a category's ranges (the focus mark, a category switched off). */
  set(category: MarkCategory, ranges: Iterable<Range>): void;
  clear(category?: MarkCategory): void;
  /** The categories painted at a viewport point, found without touching the DOM. */
  categoriesAt(x: number, y: number): MarkCategory[];
  destroy(): void;
}

interface HighlightApi {
  highlights: Map<string, Set<AbstractRange>> & { highlightsFromPoint?: (x: number, y: number) => Array<{ highlight: unknown }> };
  Highlight: new (...ranges: AbstractRange[]) => Set<AbstractRange> & { priority: number };
}

function highlightApi(doc: Document): HighlightApi | null {
  const view = doc.defaultView as (Window & { CSS?: { highlights?: unknown }; Highlight?: unknown }) | null;
  const highlights = view?.CSS?.highlights;
  const Highlight = view?.Highlight ?? (globalThis as { Highlight?: unknown }).Highlight;
  return highlights && typeof Highlight === 'function' ? ({ highlights, Highlight } as HighlightApi) : null;
}

/**
 * Unpaints every RegLens mark in the document, whoever registered it: a content script that Firefox
 * unloaded (extension updated or reloaded) leaves its marks registered, and none of its code runs again.
 */
export function clearMarksLeftBehind(doc: Document): void {
  const api = highlightApi(doc);
  for (const category of MARK_CATEGORIES) api?.highlights.delete(highlightName(category));
}

/**
 * Up to this many marks, all are painted; beyond, only those near the viewport (see near-viewport.ts).
 * A long article stays under it; a 50k-word page (~900 marks) is already over.
 */
export const PAINT_ALL_MAX = 500;

export function createMarkLayer(doc: Document): MarkLayer {
  const api = highlightApi(doc);
  const owned = new Map<MarkCategory, Set<AbstractRange>>();
  // What is marked, per category; the highlights hold all of it, or only what is near the viewport.
  const marked = new Map<MarkCategory, Set<Range>>();
  let total = 0;
  let near: NearViewport | null = null;

  const highlightFor = (category: MarkCategory) => {
    let highlight = owned.get(category);
    if (!highlight && api) {
      const created = new api.Highlight();
      // Focus paints over saved passages, which paint over recognised terms.
      created.priority = MARK_CATEGORIES.indexOf(category);
      api.highlights.set(highlightName(category), created);
      owned.set(category, created);
      highlight = created;
    }
    return highlight;
  };
  const paint = (key: string, range: Range, painted: boolean) => {
    const highlight = highlightFor(key as MarkCategory);
    if (painted) highlight?.add(range);
    else highlight?.delete(range);
  };
  // The focus mark is one range the reader just asked for: always painted at once.
  const windowed = (category: MarkCategory) => near !== null && category !== 'focus';

  const startWindowing = () => {
    near = createNearViewport(doc, paint);
    // What is painted stays so until the first report on its element: no flash of unmarked text.
    for (const [category, ranges] of marked) if (windowed(category)) for (const range of ranges) near?.track(category, range);
  };

  const stopWindowingWhenEmpty = () => {
    if (near && total === 0) {
      near.disconnect();
      near = null;
    }
  };

  return {
    supported: api !== null,
    add(category, ranges) {
      const highlight = highlightFor(category);
      if (!highlight) return;
      let set = marked.get(category);
      if (!set) marked.set(category, (set = new Set()));
      for (const range of ranges) {
        if (set.has(range)) continue;
        set.add(range);
        total++;
        if (windowed(category)) near!.track(category, range);
        else highlight.add(range);
      }
      if (!near && total > PAINT_ALL_MAX) startWindowing();
    },
    set(category, ranges) {
      // Only the difference changes: what stays marked stays painted (no flash while near-viewport
      // painting re-learns where its elements are).
      const next = new Set(ranges);
      const current = marked.get(category);
      if (current) {
        for (const range of current) {
          if (next.has(range)) continue;
          current.delete(range);
          total--;
          if (windowed(category)) near!.untrack(category, range);
          owned.get(category)?.delete(range);
        }
      }
      this.add(category, next);
      stopWindowingWhenEmpty();
    },
    clear(category) {
      for (const [name, ranges] of marked) {
        if (category && name !== category) continue;
        if (windowed(name)) for (const range of ranges) near!.untrack(name, range);
        total -= ranges.size;
        marked.delete(name);
        owned.get(name)?.clear();
      }
      stopWindowingWhenEmpty();
    },
    categoriesAt(x, y) {
      const found = api?.highlights.highlightsFromPoint?.(x, y) ?? [];
      // Firefox hands content scripts a fresh wrapper for each highlight, so identity fails there;
      // priorities identify ours. A page highlight with the same priority only costs a geometry check.
      const priorities = new Set(found.map(({ highlight }) => (highlight as { priority: number }).priority));
      return MARK_CATEGORIES.filter((category) => owned.has(category) && priorities.has(MARK_CATEGORIES.indexOf(category)));
    },
    destroy() {
      near?.disconnect();
      near = null;
      marked.clear();
      total = 0;
      for (const category of owned.keys()) api?.highlights.delete(highlightName(category));
      owned.clear();
    },
  };
}
