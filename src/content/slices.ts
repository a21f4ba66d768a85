// How RegLens's work on a page is cut: slices of about SLICE_MS, and a turn for the page between two.
import { measure } from './timing.ts';

/**
 * Longest stretch of annotation work between two yields to the page. Well under the 50 ms that makes
 * a long task (https://w3c.github.io/longtasks/), since a slice overruns by up to one unit of work.
 */
export const SLICE_MS = 16;

/**
 * How long a slice waits for the page to go quiet. A page that never does (a scheduler loop of
 * posted messages, a busy app) would hold back background tasks forever.
 */
const STARVED_AFTER_MS = 50;

/**
 * Lets the page run (input, its own timers, rendering) before the next slice: the next slice is a
 * background-priority task, which runs after whatever the page has queued. A posted message (or a
 * user-visible task) ran ahead of the page's own due timers, so a page's timer could wait out two or
 * three slices. A timer takes over when the page leaves no room for STARVED_AFTER_MS. Without
 * scheduler.postTask (Chromium < 94, Firefox < 101), a posted message: setTimeout(0) alone is
 * clamped to 4 ms once nested (a 200k-word page takes 30 slices).
 */
export function yieldToPage(): Promise<void> {
  const { scheduler } = globalThis as { scheduler?: { postTask?(task: () => void, options: { priority: 'background' }): Promise<void> } };
  return new Promise((resume) => {
    if (typeof scheduler?.postTask === 'function') {
      let resumed = false;
      const once = () => {
        if (resumed) return;
        resumed = true;
        clearTimeout(starved);
        resume();
      };
      const starved = setTimeout(once, STARVED_AFTER_MS);
      void scheduler.postTask(once, { priority: 'background' });
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resume();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Posts each item, as many in a slice as fit in SLICE_MS (at least one), each slice recorded as
 * `reglens:send`: posting copies the text on the page's main thread (what a part costs: see
 * MATCH_PART_UNITS in page.ts), and a long page has dozens of parts.
 */
export async function sendInSlices<T, R>(items: readonly T[], post: (item: T, index: number) => R): Promise<R[]> {
  const sent: R[] = [];
  while (sent.length < items.length) {
    if (sent.length > 0) await yieldToPage();
    measure('reglens:send', () => {
      const deadline = performance.now() + SLICE_MS;
      do sent.push(post(items[sent.length]!, sent.length));
      while (sent.length < items.length && performance.now() < deadline);
    });
  }
  return sent;
}
