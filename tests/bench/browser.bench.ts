// `npm run bench:browser`: what annotation costs in real headless Chromium and Firefox, on generated
// news articles, with the built extension and the full knowledge base, against the approaches the
// issue names: one big RegExp, mark.js, and a bare TreeWalker pass (the floor). Every figure is cold:
// the median of RUNS fresh page loads, each measured once, each started on a quiet machine. Run
// `npm run build` first.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { anaphora, glossary } from '../../src/core/glossary/load.ts';
import { aliasRows, compileMatcher } from '../../src/core/matcher/compile.ts';
import { launchChromium } from '../e2e/harness/chromium.ts';
import { startFixtureServer } from '../e2e/harness/fixture-server.ts';
import { launchFirefox } from '../e2e/harness/firefox.ts';
import type { BrowserSession } from '../e2e/harness/session.ts';
import { BENCH_JS } from './browser/baselines.ts';
import { fromTestPage, plainChromium, plainFirefox, type PlainBrowser, type Tab } from './browser/browsers.ts';
import { baselineRun, median, nonArticleRun, reglensRun, type BaselineRun, type ReglensRun } from './browser/measure.ts';
import { articlePage, homepage } from './browser/pages.ts';
import { untilQuiet } from './browser/quiet.ts';
import { printReport, type BrowserReport } from './browser/report.ts';

const SIZES = [5_000, 50_000, 200_000];
/** Fresh page loads per figure (median). This 2-core machine is noisy: 9 where a run is quick. */
const RUNS = 9;
/** mark.js's per-term modes walk the whole DOM once per term (3,000+ walks): minutes per run at 200k. */
const PER_TERM_MAX_WORDS = 50_000;
const PER_TERM = new Set(['markjs', 'markjs-each']);
const MARKJS_TIMEOUT = 120_000;
/** Slow runs are repeated less (budget ~6 min): 3 runs above 2 s, 1 above 15 s. */
const repeatsAfter = (firstMs: number) => (firstMs > 15_000 ? 1 : firstMs > 2_000 ? 3 : RUNS);
/**
 * Each measured load waits for the machine to go quiet (see quiet.ts), so that no figure shares the
 * two cores with what the last load left behind; the report says how many loads could not wait.
 */
const starts = { all: 0, loud: 0 };
const settle = async () => {
  starts.all++;
  if (!(await untilQuiet())) starts.loud++;
};
/** Measured in pairs with RegLens (see pairedPhase); the rest after it, each in a phase of its own. */
const PAIRED = 'regexp';
const BASELINES = ['markjs', 'markjs-each', 'markjs-regexp', 'walk'] as const;

// The exact term list RegLens matches (anaphora left out: the baselines cannot resolve them).
const rows = aliasRows(compileMatcher(glossary, anaphora)).filter((row) => row[1] >= 0);
const terms = [...new Set(rows.map((row) => row[0]))];
// English prose mentions the Latin-script aliases; institutions and policy terms fill different slots.
const latin = rows.filter(([text]) => /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}$]+$/u.test(text));
const isPhrase = (target: number) => ['policy_phrase', 'law'].includes(glossary[target]!.kind);
const mentionable = {
  bodies: latin.filter((row) => !isPhrase(row[1])).map((row) => row[0]),
  phrases: latin.filter((row) => isPhrase(row[1])).map((row) => row[0]),
};

const dir = mkdtempSync(join(tmpdir(), 'reglens-bench-browser-'));
const pages = SIZES.map((words) => {
  const page = articlePage(words, mentionable);
  writeFileSync(join(dir, `article-${words}.html`), page.html);
  return { words, file: `article-${words}.html`, mentions: page.mentions };
});
const home = homepage(3_000, mentionable);
writeFileSync(join(dir, 'home.html'), home.html);
writeFileSync(join(dir, 'terms.json'), JSON.stringify(terms));
writeFileSync(join(dir, 'bench.js'), BENCH_JS);
copyFileSync(resolve('node_modules/mark.js/dist/mark.min.js'), join(dir, 'mark.min.js'));
const server = await startFixtureServer(dir);

const log = (text: string) => process.stderr.write(`${text}\n`);
/** Closing a tab whose main thread is stuck in a script can hang: never wait on it for long. */
const closeSoon = (tab: Tab) => Promise.race([tab.close().catch(() => undefined), new Promise((done) => setTimeout(done, 10_000))]);

/** One load of `file` with RegLens, measured once by `read`. */
async function reglensLoad<T>(session: BrowserSession, file: string, read: (tab: Tab) => Promise<T>): Promise<T> {
  await settle();
  const page = await session.newPage();
  await page.goto(server.url(file));
  const run = await read(fromTestPage(page));
  await page.close();
  return run;
}

/** One baseline load of `file` in a fresh context of the plain browser, measured once. */
async function baselineLoad(browser: PlainBrowser, file: string, variant: string): Promise<BaselineRun> {
  await settle();
  const tab = await browser.open(`${server.url(file)}?run=${variant}`);
  try {
    return await baselineRun(tab, variant, variant.startsWith('markjs') ? MARKJS_TIMEOUT : 60_000);
  } finally {
    await closeSoon(tab);
  }
}

/**
 * RegLens and the single RegExp, whose ratio is the target, load each page in turn, a RegLens load
 * then a RegExp load, both browsers open: a shared machine that slows down for a minute slows both
 * alike, where measuring all of one and then all of the other let the drift land in the ratio.
 */
async function pairedPhase(session: BrowserSession, plain: PlainBrowser, report: BrowserReport): Promise<void> {
  for (const { words, file } of pages) {
    const runs: ReglensRun[] = [];
    const regexp: BaselineRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await reglensLoad(session, file, reglensRun));
      regexp.push(await baselineLoad(plain, file, PAIRED));
    }
    const pick = (f: (r: ReglensRun) => number | null) => (runs.some((r) => f(r) === null) ? null : median(runs.map((r) => f(r)!)));
    report.reglens.set(words, {
      annotate: pick((r) => r.annotate)!,
      match: pick((r) => r.match)!,
      pageWork: pick((r) => r.pageWork)!,
      wall: pick((r) => r.wall)!,
      longtask: pick((r) => r.longtask),
      block: pick((r) => r.block)!,
      longestStep: pick((r) => r.longestStep)!,
      marks: runs[0]!.marks,
      frame: pick((r) => r.frame)!,
    });
    report.baselines.set(`${PAIRED}:${words}`, { ms: median(regexp.map((r) => r.ms)), count: regexp[0]!.count, n: regexp.length });
    log(`  ${report.name} RegLens ${words}: ${JSON.stringify(report.reglens.get(words))}`);
    log(`  ${report.name} ${PAIRED}:${words}: ${JSON.stringify(report.baselines.get(`${PAIRED}:${words}`))}`);
  }
}

/** RegLens on its own: articles that wake a stopped background, and the non-article page. */
async function reglensPhase(session: BrowserSession, report: BrowserReport): Promise<void> {
  // A reader back after a pause: the browser stopped the idle background, and the article wakes it.
  for (const { words, file } of pages.filter((p) => p.words <= 50_000)) {
    const runs: ReglensRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      await session.stopBackground();
      runs.push(await reglensLoad(session, file, reglensRun));
    }
    report.stopped.set(words, {
      annotate: median(runs.map((r) => r.annotate)),
      match: median(runs.map((r) => r.match)),
      wall: median(runs.map((r) => r.wall)),
    });
    log(`  ${report.name} RegLens ${words}, background stopped first: ${JSON.stringify(report.stopped.get(words))}`);
  }
  const homeRuns: { detect: number; annotated: boolean }[] = [];
  for (let i = 0; i < RUNS; i++) homeRuns.push(await reglensLoad(session, 'home.html', nonArticleRun));
  report.home = { detect: median(homeRuns.map((h) => h.detect)), annotated: homeRuns.some((h) => h.annotated) };
}

async function baselinePhase(browser: PlainBrowser, report: BrowserReport): Promise<void> {
  for (const { words, file } of pages) {
    for (const variant of BASELINES) {
      const key = `${variant}:${words}`;
      if (PER_TERM.has(variant) && words > PER_TERM_MAX_WORDS) {
        report.baselines.set(key, { skipped: `skipped above ${PER_TERM_MAX_WORDS / 1000}k words (a per-term run takes minutes there)` });
        continue;
      }
      const runs: BaselineRun[] = [];
      try {
        for (let i = 0; i < (runs[0] ? repeatsAfter(runs[0].ms) : 1); i++) runs.push(await baselineLoad(browser, file, variant));
        report.baselines.set(key, { ms: median(runs.map((r) => r.ms)), count: runs[0]!.count, n: runs.length });
      } catch (error) {
        report.baselines.set(key, { failed: String((error as Error).message ?? error).split('\n')[0]!.slice(0, 160) });
      }
      log(`  ${report.name} ${key}: ${JSON.stringify(report.baselines.get(key))}`);
    }
  }
}

const TARGETS = [
  { name: 'chromium' as const, extension: 'dist/chrome', reglens: () => launchChromium(resolve('dist/chrome')), plain: plainChromium },
  { name: 'firefox' as const, extension: 'dist/firefox', reglens: () => launchFirefox(resolve('dist/firefox')), plain: plainFirefox },
];

const reports: BrowserReport[] = [];
const started = Date.now();
try {
  // BENCH_BROWSER=chromium (or firefox) measures one browser only, for a quicker look.
  for (const target of TARGETS.filter((t) => !process.env.BENCH_BROWSER || t.name === process.env.BENCH_BROWSER)) {
    const script = readFileSync(resolve(target.extension, 'src/content/index.js'));
    const report: BrowserReport = {
      name: target.name,
      scriptBytes: script.length,
      scriptGzip: gzipSync(script, { level: 9 }).length,
      reglens: new Map(),
      baselines: new Map(),
      home: null,
      stopped: new Map(),
    };
    reports.push(report);
    log(`${target.name}: RegLens (built extension, ${target.extension}) and the single RegExp (no extension), in turn`);
    const plain = await target.plain();
    try {
      const session = await target.reglens();
      try {
        await pairedPhase(session, plain, report);
        await reglensPhase(session, report);
      } finally {
        await session.close();
      }
      log(`${target.name}: the other baselines (no extension)`);
      await baselinePhase(plain, report);
    } finally {
      await plain.close();
    }
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

printReport(reports, {
  entries: glossary.length,
  terms: terms.length,
  runs: RUNS,
  pages: pages.map(({ words, mentions }) => ({ words, mentions })),
  homeWords: home.words,
  seconds: (Date.now() - started) / 1000,
  starts,
});
