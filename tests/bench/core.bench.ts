// `npm run bench`: the matcher on the full knowledge base against the obvious alternatives, one big
// alternation RegExp and a loop of per-term RegExps. Start-up counts: a content script builds its
// matcher on every page load, before the JIT has warmed up, so "cold" numbers come from a fresh child
// process per measurement (V8 also caches compiled RegExps per process, which would flatter warm runs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { anaphora, glossary } from '../../src/core/glossary/load.ts';
import { buildAutomaton, type Automaton } from '../../src/core/matcher/automaton.ts';
import { aliasRows, compileMatcher, type CompiledMatcher } from '../../src/core/matcher/compile.ts';
import { createMatcher } from '../../src/core/matcher/create-matcher.ts';
import { BLOCK_BREAK } from '../../src/core/matcher/types.ts';

const SIZES = [5_000, 50_000];
const VARIANTS = ['reglens', 'regexp', 'regexp-i', 'per-term'] as const;
type Variant = (typeof VARIANTS)[number] | 'automaton-json' | 'reglens-sliced';
/** The content script's budget per slice of annotation (src/content/annotator.ts). */
const SLICE_MS = 16;
const SLICED_WORDS = 200_000;
const LABEL: Record<Variant, string> = {
  reglens: 'RegLens',
  regexp: 'big RegExp',
  'regexp-i': 'big RegExp /i',
  'per-term': 'per-term RegExps',
  'automaton-json': 'serialised automaton',
  'reglens-sliced': 'RegLens, in slices',
};

interface ColdRun {
  startup: number;
  match: number;
  found: number;
  /** Longest matchIncremental step (reglens-sliced only). */
  longestSlice?: number;
}

/** Mulberry32: small, seeded, good enough to make the same article every run. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = [
  'Markets were little changed on Tuesday as investors weighed fresh data on inflation and jobs.',
  '{X} said in a statement that it would keep a close eye on funding conditions.',
  'Analysts at several banks expect borrowing costs to stay higher for longer this year.',
  'The decision surprised some traders, who had bet on a cut before the summer.',
  'Officials at {X} declined to comment on the report.',
  "Shares of regional lenders fell after {X}'s warning about commercial property loans.",
  'The yield on the benchmark ten-year bond rose four basis points to its highest level since March.',
  'Critics argue the new rules will raise costs for smaller firms without making the system safer.',
  'A spokesperson for {X} said the review would conclude by the end of the quarter.',
  'Growth slowed in the second quarter, held back by weak exports and softer consumer spending.',
  'The proposal, backed by {X}, would tighten capital requirements for the largest lenders.',
  'Economists polled by a news agency had expected a smaller increase.',
  'In a speech on Thursday, the governor said the economy was "in a good place".',
  'Lawmakers pressed {X} and {X} over their handling of the collapse.',
  'The currency weakened against the dollar after the announcement.',
  'Fund managers said they were trimming exposure to long-dated government debt.',
];

/** `words` words of news-like text mixing ordinary sentences with aliases from the knowledge base. */
function article(words: number, aliases: string[], seed = 42): string {
  const random = prng(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const sentence = pick(SENTENCES).replace(/\{X\}/g, () => pick(aliases));
    sentences.push(sentence);
    count += sentence.split(' ').length;
    if (random() < 0.2) sentences.push(BLOCK_BREAK);
  }
  return sentences.join(' ');
}

/** Alias texts of entries (anaphora left out: the RegExp baselines cannot resolve them). */
function namedAliases(compiled: CompiledMatcher): string[] {
  return aliasRows(compiled).filter((row) => row[1] >= 0).map((row) => row[0]);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function boundaried(source: string): string {
  return `(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`;
}
function countMatches(re: RegExp, text: string): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text)) n++;
  return n;
}

/** Start-up, then the first match over `text`: what one page load costs. */
function runOnce(variant: Variant, compiledJson: string, text: string, automatonJson: string): ColdRun {
  const t0 = performance.now();
  if (variant === 'automaton-json') {
    const arrays = JSON.parse(automatonJson) as Record<string, number[]>;
    for (const key of Object.keys(arrays)) Int32Array.from(arrays[key]!);
    return { startup: performance.now() - t0, match: 0, found: 0 };
  }
  const compiled = JSON.parse(compiledJson) as CompiledMatcher;
  // The RegExp variants' own start-up: their sources, built from the aliases (RegLens needs none).
  const sources = () => [...new Set(namedAliases(compiled))].sort((a, b) => b.length - a.length).map(escape);
  let run: () => number;
  if (variant === 'reglens-sliced') {
    const matcher = createMatcher(compiled);
    const t1 = performance.now();
    const job = matcher.matchIncremental(text);
    let longestSlice = 0;
    for (let done = false; !done; ) {
      const start = performance.now();
      done = job.step(start + SLICE_MS);
      longestSlice = Math.max(longestSlice, performance.now() - start);
    }
    return { startup: t1 - t0, match: performance.now() - t1, found: job.result!.length, longestSlice };
  }
  if (variant === 'reglens') {
    const matcher = createMatcher(compiled);
    run = () => matcher.match(text).length;
  } else if (variant === 'per-term') {
    const res = sources().map((s) => new RegExp(boundaried(s), 'gu'));
    run = () => res.reduce((n, re) => n + countMatches(re, text), 0);
  } else {
    const re = new RegExp(boundaried(sources().join('|')), variant === 'regexp-i' ? 'giu' : 'gu');
    run = () => countMatches(re, text);
  }
  const t1 = performance.now();
  const found = run();
  return { startup: t1 - t0, match: performance.now() - t1, found };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The whole automaton as flat arrays, as a build step would have to ship it instead of the sorted
 * keys it is built from lazily: per-node edge lists, failure and output links.
 */
function serialiseAutomaton(a: Automaton): string {
  for (let node = 0; node < a.size(); node++) if (a.firstChild[node]! < 0) a.expand(node);
  const nodes = a.size();
  for (let node = 0; node < nodes; node++) a.outputOf(node); // links are lazy; a shipped form has them all
  return JSON.stringify({
    firstChild: [...a.firstChild.subarray(0, nodes)],
    units: [...a.unitOf.subarray(0, nodes)],
    keyRange: [...a.lo.subarray(0, nodes)],
    fail: [...a.fail.subarray(0, nodes)],
    firstOutput: [...a.firstOutput.subarray(0, nodes)],
    nextOutput: Array.from({ length: nodes }, (_, node) => a.outputOf(a.failOf(node))),
  });
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const pad = (cells: string[], widths: number[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');

function child(): void {
  const [, , , variant, words, dir] = process.argv as string[];
  const compiledJson = readFileSync(join(dir!, 'compiled.json'), 'utf8');
  const automatonJson = variant === 'automaton-json' ? readFileSync(join(dir!, 'automaton.json'), 'utf8') : '';
  const compiled = JSON.parse(compiledJson) as CompiledMatcher;
  const text = article(Number(words), namedAliases(compiled));
  process.stdout.write(JSON.stringify(runOnce(variant as Variant, compiledJson, text, automatonJson)));
}

function coldRun(variant: Variant, words: number, dir: string): ColdRun {
  // Three runs for the fast variants; the slow ones are slow enough that noise does not matter.
  const repeats = ['reglens', 'reglens-sliced', 'regexp', 'automaton-json'].includes(variant) ? 3 : 1;
  const runs = Array.from({ length: repeats }, () => {
    const args = [...process.execArgv, fileURLToPath(import.meta.url), '--child', variant, String(words), dir];
    const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr);
    return JSON.parse(result.stdout) as ColdRun;
  });
  const best = median(runs.map((r) => r.startup + r.match));
  return runs.find((r) => r.startup + r.match === best)!;
}

function main(): void {
  const compiled = compileMatcher(glossary, anaphora);
  const compiledJson = JSON.stringify(compiled);
  const automatonJson = serialiseAutomaton(buildAutomaton(compiled.keys!));
  const dir = mkdtempSync(join(tmpdir(), 'reglens-bench-'));
  writeFileSync(join(dir, 'compiled.json'), compiledJson);
  writeFileSync(join(dir, 'automaton.json'), automatonJson);
  const aliases = namedAliases(compiled);

  console.log(`Knowledge base: ${glossary.length} entries, ${aliases.length} aliases, ${anaphora.length} anaphora`);
  console.log(pad(['shipped form', 'raw', 'gzip', 'brotli'], [34, 10, 10, 10]));
  for (const [name, json] of [['compiled matcher (aliases + rules)', compiledJson], ['serialised automaton', automatonJson]] as const) {
    const sizes = [json.length, gzipSync(json, { level: 9 }).length, brotliCompressSync(json).length];
    console.log(pad([name, ...sizes.map(kb)], [34, 10, 10, 10]));
  }

  console.log('\nCold: a fresh process per measurement (median of 3 for the fast ones); start-up = JSON.parse + build/compile');
  console.log(pad(['words', 'variant', 'start-up', 'first match', 'total', 'vs big RegExp', 'matches'], [7, 22, 11, 12, 11, 14, 8]));
  const cold = new Map<string, number>();
  const automatonCold = coldRun('automaton-json', 5_000, dir);
  for (const words of SIZES) {
    const results = VARIANTS.map((variant) => [variant, coldRun(variant, words, dir)] as const);
    const regexp = results.find(([variant]) => variant === 'regexp')![1];
    for (const [variant, r] of results) {
      const total = r.startup + r.match;
      cold.set(`${variant}:${words}`, total);
      const ratio = `x${(total / (regexp.startup + regexp.match)).toFixed(2)}`;
      console.log(pad([String(words), LABEL[variant], ms(r.startup), ms(r.match), ms(total), ratio, String(r.found)], [7, 22, 11, 12, 11, 14, 8]));
    }
  }
  console.log(`(deserialising a fully built automaton instead, cold: ${ms(automatonCold.startup)} before the first match, vs RegLens start-up above)`);
  for (const words of SIZES) {
    const ours = cold.get(`reglens:${words}`)!;
    const others = VARIANTS.slice(1).map((v) => `${LABEL[v]} ${ms(cold.get(`${v}:${words}`)!)} (x${(cold.get(`${v}:${words}`)! / ours).toFixed(1)})`);
    console.log(`start-up + ${words / 1000}k words: RegLens ${ms(ours)}; ${others.join('; ')}`);
  }
  const sliced = coldRun('reglens-sliced', SLICED_WORDS, dir);
  console.log(
    `${SLICED_WORDS / 1000}k words in ${SLICE_MS} ms slices (matchIncremental), cold: start-up ${ms(sliced.startup)}, ` +
      `matching ${ms(sliced.match)}, longest slice ${ms(sliced.longestSlice!)}, ${sliced.found} matches`,
  );

  console.log('\nWarm: median of repeated runs in this process, matching only (built once)');
  console.log(pad(['words', 'variant', 'median', 'MB/s (UTF-8)'], [7, 30, 11, 12]));
  const small = createMatcher(compileMatcher(glossary.slice(0, 40), anaphora));
  for (const words of SIZES) {
    const text = article(words, aliases);
    const megabytes = Buffer.byteLength(text) / 1e6;
    const rows: [string, () => unknown, number][] = [];
    const matcher = createMatcher(compiled);
    rows.push([LABEL.reglens, () => matcher.match(text), 15]);
    rows.push(['RegLens, 40 entries (few hits)', () => small.match(text), 15]);
    const sources = [...new Set(aliases)].sort((a, b) => b.length - a.length).map(escape);
    const big = new RegExp(boundaried(sources.join('|')), 'gu');
    const bigI = new RegExp(boundaried(sources.join('|')), 'giu');
    rows.push([LABEL.regexp, () => countMatches(big, text), 7]);
    rows.push([LABEL['regexp-i'], () => countMatches(bigI, text), 7]);
    const perTerm = sources.map((s) => new RegExp(boundaried(s), 'gu'));
    rows.push([LABEL['per-term'], () => perTerm.reduce((n, re) => n + countMatches(re, text), 0), 3]);
    for (const [label, run, repeats] of rows) {
      run();
      const times = Array.from({ length: repeats }, () => {
        const t = performance.now();
        run();
        return performance.now() - t;
      });
      const m = median(times);
      console.log(pad([String(words), label, ms(m), (megabytes / (m / 1000)).toFixed(1)], [7, 30, 11, 12]));
    }
  }
  const startups = Array.from({ length: 15 }, () => {
    const t = performance.now();
    createMatcher(JSON.parse(compiledJson) as CompiledMatcher);
    return performance.now() - t;
  });
  console.log(`\nWarm start-up (JSON.parse + createMatcher), median: ${ms(median(startups))}`);
  rmSync(dir, { recursive: true });
}

if (process.argv[2] === '--child') child();
else main();
