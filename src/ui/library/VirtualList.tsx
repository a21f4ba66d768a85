import type { ComponentChildren, Ref } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

/**
 * Renders only the rows in (and just around) the scroll viewport, so 10,000 highlights cost what 20
 * do. Rows are absolutely positioned at offsets from estimated heights; a ResizeObserver replaces
 * each estimate with the measured height once the row has rendered, and keeps the rows above the
 * viewport from shifting what the reader is looking at when they change.
 *
 * `pinned` rows stay rendered wherever they are: the row being edited and the row holding keyboard
 * focus, so scrolling never destroys a half-typed note or drops focus to <body>.
 */

export interface VirtualListProps<T> {
  items: readonly T[];
  keyOf(item: T): string;
  estimate(item: T): number;
  render(item: T, index: number): ComponentChildren;
  pinned?: ReadonlySet<string>;
  /** Extra pixels rendered above and below the viewport. */
  overscan?: number;
  /** Used until the container has a measured height (and where layout is absent, as in tests). */
  fallbackHeight?: number;
  class?: string;
  label: string;
  containerRef?: Ref<HTMLDivElement>;
}

/** First index whose row ends below `y`. */
function firstEndingAfter(offsets: Float64Array, count: number, y: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (offsets[mid + 1]! <= y) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function VirtualList<T>({ items, keyOf, estimate, render, pinned, overscan = 400, fallbackHeight = 480, class: className, label, containerRef }: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement | null>(null);
  const measured = useRef(new Map<string, number>());
  const [measureVersion, setMeasureVersion] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(fallbackHeight);

  const offsets = useMemo(() => {
    const result = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      result[i + 1] = result[i]! + (measured.current.get(keyOf(item)) ?? estimate(item));
    }
    return result;
    // keyOf and estimate are pure functions of an item; measureVersion says a measured height changed.
  }, [items, measureVersion]);
  const total = offsets[items.length]!;

  const indexOfKey = useMemo(() => {
    const map = new Map<string, number>();
    if (pinned) items.forEach((item, index) => pinned.has(keyOf(item)) && map.set(keyOf(item), index));
    return map;
  }, [items, pinned]);

  // Measured heights: batch one re-render per frame; compensate scroll for rows above the viewport.
  // Created during the first render, so the first rows are observed as they mount.
  const [observer] = useState(() =>
    typeof ResizeObserver === 'function'
      ? new ResizeObserver((entries) => {
          const el = scroller.current;
          let shiftAbove = 0;
          let changed = false;
          for (const entry of entries) {
            const target = entry.target as HTMLElement;
            const key = target.dataset.key;
            const height = target.offsetHeight;
            if (key === undefined || height <= 0) continue;
            const before = measured.current.get(key);
            if (before === height) continue;
            const previous = before ?? Number(target.dataset.estimate);
            if (el && Number(target.dataset.top) + previous <= el.scrollTop) shiftAbove += height - previous;
            measured.current.set(key, height);
            changed = true;
          }
          if (!changed) return;
          if (el && shiftAbove !== 0) el.scrollTop += shiftAbove;
          setMeasureVersion((n) => n + 1);
        })
      : null,
  );
  useEffect(() => () => observer?.disconnect(), [observer]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const height = el.clientHeight;
    if (height > 0 && height !== viewport) setViewport(height);
  });

  // Keep scrollTop inside the content when the list shrinks (a search narrows it).
  useEffect(() => {
    const el = scroller.current;
    if (el && scrollTop > Math.max(0, total - viewport)) {
      const top = Math.max(0, total - viewport);
      el.scrollTop = top;
      setScrollTop(top);
    }
  }, [total, viewport, scrollTop]);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (el) setScrollTop(el.scrollTop);
  }, []);

  const first = firstEndingAfter(offsets, items.length, Math.max(0, scrollTop - overscan));
  const visible: number[] = [];
  for (let i = first; i < items.length && offsets[i]! < scrollTop + viewport + overscan; i++) visible.push(i);
  const extra = [...indexOfKey.values()].filter((index) => index < first || index > (visible.at(-1) ?? -1));
  const indices = [...visible, ...extra].sort((a, b) => a - b);

  const setRef = useCallback(
    (el: HTMLDivElement | null) => {
      scroller.current = el;
      if (typeof containerRef === 'function') containerRef(el);
      else if (containerRef) containerRef.current = el;
    },
    [containerRef],
  );

  return (
    <div ref={setRef} class={className} onScroll={onScroll} tabIndex={0} role="region" aria-label={label}>
      <div class="vlist-body" style={{ position: 'relative', height: `${total}px` }}>
        {indices.map((index) => {
          const item = items[index]!;
          const key = keyOf(item);
          return (
            <VirtualRow key={key} rowKey={key} top={offsets[index]!} estimate={estimate(item)} observer={observer}>
              {render(item, index)}
            </VirtualRow>
          );
        })}
      </div>
    </div>
  );
}

function VirtualRow({ rowKey, top, estimate, observer, children }: { rowKey: string; top: number; estimate: number; observer: ResizeObserver | null; children: ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || !observer) return undefined;
    observer.observe(el);
    return () => observer.unobserve(el);
  }, [observer]);
  return (
    <div ref={ref} class="vlist-row" data-key={rowKey} data-top={top} data-estimate={estimate} style={{ position: 'absolute', top: `${top}px`, left: 0, right: 0 }}>
      {children}
    </div>
  );
}
