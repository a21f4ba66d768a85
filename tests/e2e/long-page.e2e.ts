import { describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import { sendTabMessage, tabIdOf } from './harness/extension.ts';
import type { FixtureServer } from './harness/fixture-server.ts';
import { annotated } from './harness/probes.ts';
import type { BrowserSession } from './harness/session.ts';
import { useBrowser } from './harness/suite.ts';

/** Every painted RegLens term mark, as the id of its paragraph. */
const paintedParagraphs = `['body', 'law', 'phrase'].flatMap((name) => [...(CSS.highlights.get('reglens-' + name) ?? [])])
  .map((range) => range.startContainer.parentElement.id)`;

/** A nested 0 ms timer is due 4 ms after it was set; 2 ms more for timer and clock granularity. */
const TIMER_DUE_MS = 6;

/** Every slice of page work RegLens has recorded (text walk, posting it, making marks, painting them), as [start, end]. */
const workSlices = `['reglens:collect', 'reglens:send', 'reglens:slice', 'reglens:paint'].flatMap((name) => performance.getEntriesByName(name, 'measure'))
  .map((m) => [m.startTime, m.startTime + m.duration]).sort((a, b) => a[0] - b[0])`;
const workUnits = `(${workSlices}).length`;

describe.each(BROWSERS)('a long page in $name', ({ launch }) => {
  let server: FixtureServer;
  let browser: BrowserSession;
  useBrowser(launch, (env) => void ({ server, browser } = env));

  it('finds every mention but paints only near the viewport, following the reader as they scroll', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('pages/long-report.html'));
    await page.until(annotated());
    // The page summary counts all 1,000 mentions...
    const url = server.url('pages/long-report.html');
    const summary = (await sendTabMessage(browser, await tabIdOf(browser, url), { type: 'tab/summary', payload: {} })) as {
      value: { entities: Array<{ count: number }> };
    };
    expect(summary.value.entities.reduce((n, entity) => n + entity.count, 0)).toBe(1000);
    // ...but only those around the top of the page are painted.
    const top = await page.until<string[]>(`(() => { const ids = ${paintedParagraphs}; return ids.length > 0 && !ids.includes('p249') && ids; })()`);
    expect(top).toContain('p0');
    expect(top.length).toBeLessThan(400);

    await page.evaluate(`(document.getElementById('p249').scrollIntoView(), true)`);
    const bottom = await page.until<string[]>(`(() => { const ids = ${paintedParagraphs}; return ids.includes('p249') && !ids.includes('p0') && ids; })()`);
    expect(bottom.length).toBeLessThan(400);
    expect(page.errors().filter((error) => !/favicon/.test(error))).toEqual([]);
    await page.close();
  });

  it("lets the page's own timers run between any two slices of its work", async () => {
    // 6,000 paragraphs (180k words) take several slices of page work (the walk, making 24,000 marks,
    // painting them); the page's 0 ms ticker notes when it ran. A slice may follow another without a
    // tick in between only while the ticker's timer was not yet due (browsers hold nested 0 ms timers
    // to 4 ms): one that starts later than that, ahead of the due timer, is a slice that cut in.
    const page = await browser.newPage();
    await page.goto(server.url('pages/long-report.html?paragraphs=6000&ticker'));
    await page.until(annotated(), { timeout: 60_000 });
    const ticks = await page.evaluate<number[]>('tickTimes');
    const slices = await page.evaluate<Array<[number, number]>>(workSlices);
    expect(slices.length).toBeGreaterThan(3);
    const cutIn = slices.slice(1).filter(([start], i) => {
      const [, previousEnd] = slices[i]!;
      if (ticks.some((tick) => tick >= previousEnd && tick <= start)) return false;
      const before = ticks.filter((tick) => tick <= start);
      return before.length > 0 && start > before[before.length - 1]! + TIMER_DUE_MS;
    });
    expect(cutIn).toEqual([]);
    await page.close();
  });

  it('still finishes on a page that never leaves the main thread idle', async () => {
    // Slices wait for the page's own tasks; a page whose tasks never end must not hold them off for good.
    const page = await browser.newPage();
    await page.goto(server.url('pages/long-report.html?paragraphs=3000&busy'));
    await page.until(annotated(), { timeout: 20_000 });
    expect(await page.evaluate<number>(workUnits)).toBeGreaterThan(1);
    await page.close();
  });
});
