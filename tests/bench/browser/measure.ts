// One cold measurement = one freshly loaded page. These read what the page recorded: RegLens's
// reglens:* measures (its content script writes them to the page's timeline), the long tasks seen by
// the page's head script, and the baselines' own measures.
import type { Tab } from './browsers.ts';

export interface ReglensRun {
  /** reglens:annotate: text walk to last mark painted, the background's matching included. */
  annotate: number;
  /** reglens:match: the round trip to the background, which matches the text (the page is free meanwhile). */
  match: number;
  /** RegLens's own work on the page's main thread: every reglens:collect, reglens:send, reglens:slice and reglens:paint. */
  pageWork: number;
  /** reglens:detect start to reglens:annotate end: includes reading the settings from the background. */
  wall: number;
  /** Longest 'longtask' entry overlapping annotate; 0 when none; null without the API. */
  longtask: number | null;
  /** Longest heartbeat gap overlapping the same span: main thread blocked (an upper bound on the task). */
  block: number;
  /** Longest single synchronous RegLens step: collect, send, one reglens:slice or a paint. */
  longestStep: number;
  marks: number;
  frame: number;
}

export interface BaselineRun {
  ms: number;
  count: number;
}

// Long-task entries reach observers a task or more after the task ends: give them time to arrive.
const settle = (ms: number) => `new Promise((done) => setTimeout(done, ${ms}))`;

const READ_RUN = `(async () => {
  await ${settle(300)};
  const first = (name) => performance.getEntriesByName(name, 'measure')[0];
  const detect = first('reglens:detect'), annotate = first('reglens:annotate');
  const end = annotate.startTime + annotate.duration;
  const from = annotate.startTime;
  const overlaps = (start, stop) => start < end && stop > from;
  const longtasks = window.__longtasks.filter((t) => overlaps(t.start, t.start + t.duration));
  const steps = ['reglens:collect', 'reglens:send', 'reglens:slice', 'reglens:paint'].flatMap((name) => performance.getEntriesByName(name, 'measure').map((m) => m.duration));
  return {
    annotate: annotate.duration,
    match: first('reglens:match').duration,
    pageWork: steps.reduce((sum, ms) => sum + ms, 0),
    wall: end - detect.startTime,
    longtask: window.__longtaskSupported ? Math.max(0, ...longtasks.map((t) => t.duration)) : null,
    block: Math.max(0, ...window.__gaps.filter((g) => overlaps(g.start, g.end)).map((g) => g.end - g.start)),
    longestStep: Math.max(0, ...steps),
    marks: [...CSS.highlights.entries()].filter(([name]) => name.startsWith('reglens-')).reduce((n, [, h]) => n + h.size, 0),
  };
})()`;

export async function reglensRun(tab: Tab): Promise<ReglensRun> {
  // The page's head script says so on its console (pages.ts): polling would put the driver's
  // evaluations between RegLens's steps.
  await tab.logged('reglens:annotate', 120_000);
  const run = await tab.evaluate<Omit<ReglensRun, 'frame'>>(READ_RUN);
  return { ...run, frame: await tab.evaluate<number>(FRAME_WHILE_MUTATING) };
}

// A page that keeps changing after annotation (a ticker, a live blog): it changes one text node every
// frame for 60 frames; the median frame interval shows what RegLens's marks cost each of its frames
// (Chromium rebuilds all highlight markers after any DOM change).
const FRAME_WHILE_MUTATING = `new Promise((done) => {
  const ticker = document.createElement('div');
  document.body.prepend(ticker);
  const frames = [];
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    frames.push(now - last);
    last = now;
    ticker.textContent = 'tick ' + frames.length;
    if (frames.length < 60) requestAnimationFrame(tick);
    else done(frames.sort((a, b) => a - b)[30]);
  };
  requestAnimationFrame(tick);
})`;

/** The detector's cost on a page that is not an article, and whether anything was annotated anyway. */
export async function nonArticleRun(tab: Tab): Promise<{ detect: number; annotated: boolean }> {
  await tab.until(`performance.getEntriesByName('reglens:detect', 'measure').length > 0`, 30_000);
  return tab.evaluate(`(async () => {
    await ${settle(1500)};
    return {
      detect: performance.getEntriesByName('reglens:detect', 'measure')[0].duration,
      annotated: performance.getEntriesByName('reglens:annotate', 'measure').length > 0,
    };
  })()`);
}

/** Waits for bench.js to finish the baseline the URL asked for; throws what it threw. */
export async function baselineRun(tab: Tab, variant: string, timeout: number): Promise<BaselineRun> {
  const result = await tab.until<{ count?: number; error?: string }>('window.__bench', timeout);
  if (result.error !== undefined) throw new Error(result.error);
  const ms = await tab.evaluate<number>(`performance.getEntriesByName('baseline:${variant}', 'measure')[0].duration`);
  return { ms, count: result.count ?? 0 };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
