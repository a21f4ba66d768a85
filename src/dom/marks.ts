/**
 * The one module that paints marks on a page. It uses the CSS Custom Highlight API: ranges are
 * registered under a name and styled by `::highlight(name)` rules from the extension's own stylesheet,
 * so the page gains no nodes, its layout cannot shift and its scripts see no foreign elements.
 */
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

export function createMarkLayer(doc: Document): MarkLayer {
  const api = highlightApi(doc);
  const owned = new Map<MarkCategory, Set<AbstractRange>>();

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

  return {
    supported: api !== null,
    add(category, ranges) {
      const highlight = highlightFor(category);
      if (highlight) for (const range of ranges) highlight.add(range);
    },
    set(category, ranges) {
      owned.get(category)?.clear();
      this.add(category, ranges);
    },
    clear(category) {
      for (const [name, highlight] of owned) if (!category || name === category) highlight.clear();
    },
    categoriesAt(x, y) {
      const found = api?.highlights.highlightsFromPoint?.(x, y) ?? [];
      // Firefox hands content scripts a fresh wrapper for each highlight, so identity fails there;
      // priorities identify ours. A page highlight with the same priority only costs a geometry check.
      const priorities = new Set(found.map(({ highlight }) => (highlight as { priority: number }).priority));
      return MARK_CATEGORIES.filter((category) => owned.has(category) && priorities.has(MARK_CATEGORIES.indexOf(category)));
    },
    destroy() {
      for (const category of owned.keys()) api?.highlights.delete(highlightName(category));
      owned.clear();
    },
  };
}
