import type { Selectors } from '../highlights/model.ts';
import { anchor, type Anchor, type AnchorOptions } from './anchor.ts';

export interface Placement {
  /** Index of the item in the array given. */
  index: number;
  anchor: Anchor | null;
}

/**
 * Anchors items one at a time, in page order, so the caller decides when to yield to the browser.
 * Each placement teaches the next one how far the page moved (`shift`), which keeps an edit near
 * the top of an article from costing a full-text scan per highlight.
 */
export function* anchorEach(
  text: string,
  items: readonly { selectors: Selectors }[],
  options: Omit<AnchorOptions, 'shift'> = {},
): Generator<Placement, void, undefined> {
  const order = items.map((_, index) => index).sort((a, b) => items[a]!.selectors.position.start - items[b]!.selectors.position.start);
  let shift = 0;
  for (const index of order) {
    const { selectors } = items[index]!;
    const found = anchor(text, selectors, { ...options, shift });
    if (found) shift = found.start - selectors.position.start;
    yield { index, anchor: found };
  }
}

export interface AnchorAllOptions extends Omit<AnchorOptions, 'shift'> {
  /** Longest stretch of work before yielding to the host (ms). Long tasks are > 50 ms. */
  sliceMs?: number;
  /** Gives the event loop a turn. Default: a macrotask via setTimeout. */
  yieldToHost?: () => Promise<void>;
  /** Stops early (page navigated, content script orphaned); results so far are returned. */
  signal?: AbortSignal;
  now?: () => number;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Anchors every item, yielding to the host whenever `sliceMs` has passed. Results are in the order
 * of `items`; null where a highlight's text is no longer on the page.
 */
export async function anchorAll(
  text: string,
  items: readonly { selectors: Selectors }[],
  { sliceMs = 10, yieldToHost = macrotask, signal, now = () => performance.now(), ...options }: AnchorAllOptions = {},
): Promise<(Anchor | null)[]> {
  const results: (Anchor | null)[] = items.map(() => null);
  let sliceStart = now();
  for (const { index, anchor: found } of anchorEach(text, items, options)) {
    results[index] = found;
    if (signal?.aborted) break;
    if (now() - sliceStart >= sliceMs) {
      await yieldToHost();
      sliceStart = now();
    }
  }
  return results;
}
