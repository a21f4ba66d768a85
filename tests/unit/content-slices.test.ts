// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SLICE_MS, sendInSlices } from '../../src/content/slices.ts';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  performance.clearMeasures();
});

describe('sendInSlices', () => {
  it('posts as many parts as fit in a slice, lets the page run, then posts the rest', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const log: string[] = [];
    // The yield goes through the browser's scheduler; a stand-in that runs the next slice as a later
    // timer keeps the order deterministic. Which page tasks a real yield lets run first is the
    // long-page E2E test's business: a MessageChannel beside a 1 ms timer raced in CI.
    vi.stubGlobal('scheduler', {
      postTask: (task: () => void) =>
        new Promise<void>((done) => {
          log.push('yield');
          setTimeout(() => done(task()), 0);
        }),
    });
    const postCost = SLICE_MS / 2 + 1; // two posts overrun a slice
    const sent = await sendInSlices(['a', 'b', 'c', 'd', 'e'], (part, i) => {
      if (i === 0) setTimeout(() => log.push('page'), 0); // the page queues work while RegLens posts
      log.push(part);
      now += postCost;
      return i;
    });
    expect(sent).toEqual([0, 1, 2, 3, 4]);
    expect(log).toEqual(['a', 'b', 'yield', 'page', 'c', 'd', 'yield', 'e']);
    expect(performance.getEntriesByName('reglens:send', 'measure').map((m) => m.duration)).toEqual([
      2 * postCost,
      2 * postCost,
      postCost,
    ]);
  });

  it('posts a single part in one slice however long it takes', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    await sendInSlices(['whole text'], () => (now += 3 * SLICE_MS));
    expect(performance.getEntriesByName('reglens:send', 'measure')).toHaveLength(1);
  });
});
