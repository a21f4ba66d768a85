// Waits until the machine's CPUs are idle before a measured page load: what the last load left behind
// (a closed page's teardown, a browser's deferred garbage collection) must not share the two cores
// with the next measurement. A fixed pause guessed how long that takes; the CPU counters say.
import { readFileSync } from 'node:fs';

/** Jiffies since boot over all CPUs, from /proc/stat; null where there is none (not Linux). */
function cpuTimes(): { idle: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal ...
    return { idle: fields[3]! + (fields[4] ?? 0), total: fields.reduce((sum, n) => sum + n, 0) };
  } catch {
    return null;
  }
}

const SAMPLE_MS = 100;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export interface QuietOptions {
  /** Always waits this long first: a closed page's work may take a moment to start. */
  minMs: number;
  /** How long in a row the CPUs must be idle. */
  quietMs: number;
  /** The share of all CPU time that must be idle meanwhile. */
  idleShare: number;
  /** A shared machine may never go quiet: gives up after this long. */
  maxMs: number;
}

/** What the browser bench waits for before each load (its report prints it). */
export const QUIET: QuietOptions = { minMs: 500, quietMs: 300, idleShare: 0.9, maxMs: 5_000 };

/** Resolves once the CPUs have been idle for `quietMs` (or `maxMs` has passed): whether they were. */
export async function untilQuiet({ minMs, quietMs, idleShare, maxMs }: QuietOptions = QUIET): Promise<boolean> {
  await sleep(minMs);
  let last = cpuTimes();
  if (!last) return false;
  let quietFor = 0;
  for (let waited = minMs; waited < maxMs; waited += SAMPLE_MS) {
    await sleep(SAMPLE_MS);
    const now = cpuTimes()!;
    const total = now.total - last.total;
    quietFor = total > 0 && (now.idle - last.idle) / total >= idleShare ? quietFor + SAMPLE_MS : 0;
    last = now;
    if (quietFor >= quietMs) return true;
  }
  return false;
}
