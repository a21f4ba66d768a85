import type { StorageProblem } from './storage-status.ts';

/** Replies cross the message boundary as values: thrown errors do not survive it reliably. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export interface Failure {
  /**
   * `unavailable`: this script is orphaned (extension updated or reloaded) — stop, never retry.
   * `transport`: the message was lost on the way (background stopped mid-request) — safe to retry
   * requests that are idempotent.
   * `storage`: the reader's data could not be read or written; `problem` labels why when it is known,
   * and `message` is then a sentence for the reader.
   */
  code: 'invalid-message' | 'forbidden-sender' | 'unknown-type' | 'storage' | 'unavailable' | 'transport' | 'internal';
  message: string;
  problem?: StorageProblem;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: Failure['code'], message: string, problem?: StorageProblem): Result<never> => ({
  ok: false,
  error: problem ? { code, message, problem } : { code, message },
});
