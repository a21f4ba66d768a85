// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SLICE_MS, sendInSlices } from '../../src/content/slices.ts';

afterEach(() => {
  vi.restoreAllMocks();
  performance.clearMeasures();
});

describe('sendInSlices', () => {
  it('posts as many parts as fit in a slice, lets the page run, then posts the rest', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const log: string[] = [];
    const postCost = SLICE_MS / 2 + 1; // two posts overrun a slice
    const pageTask = () => log.push('page');
    const sent = await sendInSlices(['a', 'b', 'c', 'd', 'e'], (part, i) => {
      if (i === 0) setTimeout(pageTask, 0); // the page queues work while RegLens posts
      log.push(part);
      now += postCost;
      return i;
    });
    expect(sent).toEqual([0, 1, 2, 3, 4]);
    expect(log).toEqual(['a', 'b', 'page', 'c', 'd', 'e']);
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
