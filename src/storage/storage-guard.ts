import {
  STORAGE_MESSAGE_KEYS,
  STORAGE_MESSAGES_EN,
  STORAGE_OK,
  STORAGE_PROBLEMS,
  StorageProblemError,
  type StorageProblem,
  type StorageStatus,
  type StorageStatusSource,
} from '../messaging/storage-status.ts';
import type { RegLensDb } from './db.ts';

/**
 * Which errors mean which problem, most specific first. Dexie wraps the browser's DOMException
 * (`inner`), a failed open is re-reported as DatabaseClosedError around the first cause, and a quota
 * failure inside a transaction arrives as an AbortError around QuotaExceededError: the whole chain is
 * searched. Errors not listed (a validation error, a missing row) are the caller's, not a storage problem.
 */
const ERROR_NAMES: ReadonlyArray<readonly [StorageProblem, readonly string[]]> = [
  // NS_ERROR_DOM_QUOTA_REACHED: older Gecko's name for the same failure.
  ['quota-full', ['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']],
  // Not expected with Dexie >= 4.0.1-beta.8, which opens a newer database as it is
  // (https://dexie.org/docs/DexieErrors/Dexie.VersionError); kept for any path that still reports it.
  ['newer-version', ['VersionError']],
  // InvalidStateError: Firefox with history off or a private window refuses IndexedDB writes or opens;
  // MissingAPIError: no indexedDB at all; UnknownError: Chromium's broken or locked backing store.
  [
    'cannot-open',
    ['InvalidStateError', 'MissingAPIError', 'UnknownError', 'OpenFailedError', 'UpgradeError', 'SecurityError', 'InvalidAccessError', 'DatabaseClosedError', 'NotFoundError'],
  ],
];

function* chain(error: unknown, depth = 0): Generator<{ name?: unknown }> {
  if (typeof error !== 'object' || error === null || depth > 6) return;
  const link = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  yield link;
  yield* chain(link.inner, depth + 1);
  yield* chain(link.cause, depth + 1);
  if (Array.isArray(link.failures)) for (const failure of link.failures) yield* chain(failure, depth + 1);
}

/** The labelled problem behind a storage error, or null when the error is not about storage. */
export function classifyStorageError(error: unknown): StorageProblem | null {
  if (error instanceof StorageProblemError) return error.problem;
  const names = new Set([...chain(error)].map((link) => String(link.name ?? '')));
  return ERROR_NAMES.find(([, listed]) => listed.some((name) => names.has(name)))?.[0] ?? null;
}

export interface StorageGuardOptions {
  now?: () => number;
  /** The first wait before a failed open is tried again; it doubles up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** How long requests wait on an upgrade the browser reports as blocked before they get the label. */
  blockedGraceMs?: number;
  /** The reader-facing sentence for a problem (the background and pages pass a translated one). */
  describe?: (problem: StorageProblem) => string;
}

function signal(): { promise: Promise<void>; fire(): void } {
  let fire = () => {};
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

const englishReason = (problem: StorageProblem) => STORAGE_MESSAGES_EN[STORAGE_MESSAGE_KEYS[problem].save];

/**
 * Every use of the reader's database goes through here, so a database that cannot open, a blocked
 * upgrade or a full disk gives one labelled StorageProblemError (and a status the pages can show)
 * instead of a hang or a generic error. A failed open is tried again on the first request after a
 * back-off, so a transient failure recovers without a restart; in between, requests fail at once.
 */
export class StorageGuard implements StorageStatusSource {
  #status: StorageStatus = STORAGE_OK;
  #failures = 0;
  #retryAt = 0;
  /** Fired by Dexie's `blocked` event for the open in flight; replaced once an open succeeds. */
  #blocked = signal();
  readonly #listeners = new Set<(status: StorageStatus) => void>();
  readonly #now: () => number;
  readonly #backoffMs: number;
  readonly #maxBackoffMs: number;
  readonly #blockedGraceMs: number;
  readonly #describe: (problem: StorageProblem) => string;

  constructor(
    readonly db: RegLensDb,
    { now = Date.now, backoffMs = 1000, maxBackoffMs = 60_000, blockedGraceMs = 2000, describe = englishReason }: StorageGuardOptions = {},
  ) {
    this.#now = now;
    this.#backoffMs = backoffMs;
    this.#maxBackoffMs = maxBackoffMs;
    this.#blockedGraceMs = blockedGraceMs;
    this.#describe = describe;
    // Dexie keeps waiting on a blocked open (the other page may still close); it only tells us here.
    db.on('blocked', () => this.#blocked.fire());
  }

  status(): StorageStatus {
    return this.#status;
  }

  subscribe(listener: (status: StorageStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Opens if it may (respecting the back-off) and reports the status: the `storage/status` probe. */
  async check(): Promise<StorageStatus> {
    await this.#ready().catch(() => undefined);
    return this.#status;
  }

  read<T>(work: (db: RegLensDb) => Promise<T>): Promise<T> {
    return this.#run('read', work);
  }

  write<T>(work: (db: RegLensDb) => Promise<T>): Promise<T> {
    return this.#run('write', work);
  }

  async #run<T>(mode: 'read' | 'write', work: (db: RegLensDb) => Promise<T>): Promise<T> {
    await this.#ready();
    const before = this.#status;
    // A problem found by opening (a newer schema) holds while this connection lasts: refuse writes up
    // front. A full disk is different: the write is tried, since space may have been freed.
    if (mode === 'write' && !before.ok && STORAGE_PROBLEMS[before.problem].clearedBy === 'open' && !STORAGE_PROBLEMS[before.problem].writes) {
      throw this.#error(before.problem);
    }
    try {
      const result = await work(this.db);
      if (mode === 'write' && !before.ok && STORAGE_PROBLEMS[before.problem].clearedBy === 'write') this.#set(STORAGE_OK);
      return result;
    } catch (error) {
      const problem = classifyStorageError(error);
      if (!problem) throw error;
      if (STORAGE_PROBLEMS[problem].clearedBy === 'write') this.#set({ ok: false, problem });
      // The connection went away under the work (another page upgraded or deleted the database):
      // the next request opens again, after the usual back-off.
      else this.#openFailed(problem);
      throw this.#error(problem, error);
    }
  }

  async #ready(): Promise<void> {
    if (!this.db.isOpen()) {
      if (!this.#status.ok && STORAGE_PROBLEMS[this.#status.problem].clearedBy === 'open' && this.#now() < this.#retryAt) {
        throw this.#error(this.#status.problem);
      }
      try {
        await this.#openOrBlocked();
      } catch (error) {
        const problem = classifyStorageError(error) ?? 'cannot-open';
        this.#openFailed(problem);
        throw this.#error(problem, error);
      }
    }
    this.#opened();
  }

  /** Dexie's open, unless the browser has reported it blocked for longer than the grace period. */
  async #openOrBlocked(): Promise<void> {
    const opening = this.db.open();
    // If we stop waiting, the open still completes once the other page lets go: keep it quiet.
    opening.catch(() => undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const blocked = this.#blocked.promise.then(
      () =>
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new StorageProblemError('blocked-upgrade', 'The upgrade is blocked by another connection.')), this.#blockedGraceMs);
        }),
    );
    try {
      await Promise.race([opening, blocked]);
    } finally {
      clearTimeout(timer);
    }
  }

  #opened(): void {
    // A blocked open that completed while nobody waited must not count against the next open.
    this.#blocked = signal();
    this.#failures = 0;
    this.#retryAt = 0;
    const problem = this.#newerSchema() ? 'newer-version' : null;
    if (problem) return this.#set({ ok: false, problem });
    // A full disk stays reported until a write succeeds; anything found by opening is over.
    if (!this.#status.ok && STORAGE_PROBLEMS[this.#status.problem].clearedBy === 'open') this.#set(STORAGE_OK);
  }

  /**
   * Dexie stores version n as n * 10 and bumps the native number by one when it patches a schema in
   * place, so only a higher multiple of ten is a newer RegLens build's database.
   */
  #newerSchema(): boolean {
    const native = this.db.backendDB()?.version ?? 0;
    return Math.floor(native / 10) > Math.round(this.db.verno);
  }

  #openFailed(problem: StorageProblem): void {
    this.#failures += 1;
    this.#retryAt = this.#now() + Math.min(this.#maxBackoffMs, this.#backoffMs * 2 ** (this.#failures - 1));
    this.#set({ ok: false, problem });
  }

  #set(status: StorageStatus): void {
    const same = status.ok ? this.#status.ok : !this.#status.ok && this.#status.problem === status.problem;
    this.#status = status;
    if (!same) for (const listener of this.#listeners) listener(status);
  }

  #error(problem: StorageProblem, cause?: unknown): StorageProblemError {
    return new StorageProblemError(problem, this.#describe(problem), cause === undefined ? undefined : { cause });
  }
}
