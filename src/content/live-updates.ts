/**
 * Watches for content that arrives later (infinite scroll, client-rendered articles, SPA navigation)
 * and hands the new subtrees over in debounced batches. Marks add no nodes, so RegLens's own work
 * never triggers it; a page that mutates without end gets scans at a bounded, backing-off rate.
 */
export interface LiveUpdateOptions {
  debounceMs?: number;
  /** Floor between two scans; doubles while the page keeps mutating, up to maxIntervalMs. */
  minIntervalMs?: number;
  maxIntervalMs?: number;
  ignore(node: Node): boolean;
  onAdded(roots: Element[]): void;
  onNavigate(): void;
}

export function watchLiveUpdates(doc: Document, options: LiveUpdateOptions): () => void {
  const { debounceMs = 250, minIntervalMs = 500, maxIntervalMs = 8000 } = options;
  const view = doc.defaultView!;
  const pending = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastScan = 0;
  let interval = minIntervalMs;
  let href = view.location.href;

  const flush = () => {
    timer = undefined;
    if (view.location.href !== href) {
      href = view.location.href;
      pending.clear();
      options.onNavigate();
      return;
    }
    const roots = topmost([...pending].filter((element) => element.isConnected));
    pending.clear();
    const now = performance.now();
    // Back off while batches keep coming; relax once the page has been quiet for a while.
    interval = now - lastScan < interval * 2 ? Math.min(interval * 2, maxIntervalMs) : minIntervalMs;
    lastScan = now;
    if (roots.length) options.onAdded(roots);
  };

  const observer = new view.MutationObserver((records) => {
    for (const record of records) {
      if (options.ignore(record.target)) continue;
      if (record.type === 'characterData') {
        const parent = record.target.parentElement;
        if (parent) pending.add(parent);
      }
      for (const node of record.addedNodes) {
        if (options.ignore(node)) continue;
        if (node.nodeType === 1) pending.add(node as Element);
        else if (node.nodeType === 3 && node.parentElement) pending.add(node.parentElement);
      }
    }
    if ((pending.size || view.location.href !== href) && timer === undefined) {
      const wait = Math.max(debounceMs, lastScan + interval - performance.now());
      timer = setTimeout(flush, wait);
    }
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  const onPopState = () => {
    if (timer === undefined) timer = setTimeout(flush, debounceMs);
  };
  view.addEventListener('popstate', onPopState);
  return () => {
    observer.disconnect();
    view.removeEventListener('popstate', onPopState);
    clearTimeout(timer);
  };
}

function topmost(elements: Element[]): Element[] {
  return elements.filter((element) => !elements.some((other) => other !== element && other.contains(element)));
}
