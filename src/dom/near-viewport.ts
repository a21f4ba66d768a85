/**
 * Paints only the marks whose element is near the viewport (within a viewport height above or below),
 * and follows the reader as they scroll. The mark layer switches to it on pages with many marks:
 * Chromium rebuilds every custom highlight marker of a document whenever any highlight or the DOM
 * changes (HighlightRegistry::ValidateHighlightMarkers), at ~17 µs a range here, so the ~3,600 marks
 * of a 200k-word page made each such frame ~60 ms. An IntersectionObserver reports elements entering
 * and leaving that band without touching layout, and the page cannot see it.
 */
export interface NearViewport {
  track(key: string, range: Range): void;
  untrack(key: string, range: Range): void;
  disconnect(): void;
}

export type Painter = (key: string, range: Range, painted: boolean) => void;

/** Two viewport heights around the viewport: marks are there before a fast scroll reaches them. */
const NEAR_MARGIN = '100% 0px 100% 0px';

export function createNearViewport(doc: Document, paint: Painter): NearViewport | null {
  const Observer = (doc.defaultView as (Window & typeof globalThis) | null)?.IntersectionObserver;
  if (typeof Observer !== 'function') return null;
  const rangesOf = new Map<Element, Map<Range, string>>();
  // Where each range was filed: its text may have moved since.
  const elementOf = new Map<Range, Element>();
  const near = new Set<Element>();
  // Elements the observer has reported on at least once; until then their ranges are left as they are.
  const reported = new Set<Element>();

  const observer = new Observer(
    (entries) => {
      for (const entry of entries) {
        const ranges = rangesOf.get(entry.target);
        if (!ranges) continue;
        reported.add(entry.target);
        if (entry.isIntersecting) near.add(entry.target);
        else near.delete(entry.target);
        for (const [range, key] of ranges) paint(key, range, entry.isIntersecting);
      }
    },
    { rootMargin: NEAR_MARGIN },
  );

  return {
    track(key, range) {
      const element = anchorOf(range);
      if (!element) return;
      let ranges = rangesOf.get(element);
      if (!ranges) {
        rangesOf.set(element, (ranges = new Map()));
        // The first report on a newly observed element says where it is: paint or unpaint then.
        observer.observe(element);
      } else if (reported.has(element)) paint(key, range, near.has(element));
      ranges.set(range, key);
      elementOf.set(range, element);
    },
    untrack(key, range) {
      const element = elementOf.get(range);
      const ranges = element && rangesOf.get(element);
      if (!ranges || ranges.get(range) !== key) return;
      ranges.delete(range);
      elementOf.delete(range);
      if (ranges.size === 0) {
        rangesOf.delete(element);
        near.delete(element);
        reported.delete(element);
        observer.unobserve(element);
      }
    },
    disconnect() {
      observer.disconnect();
      rangesOf.clear();
      elementOf.clear();
      near.clear();
      reported.clear();
    },
  };
}

function anchorOf(range: Range): Element | null {
  const node = range.startContainer;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}
