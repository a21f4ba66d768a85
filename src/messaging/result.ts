/** Replies cross the message boundary as values: thrown errors do not survive it reliably. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export interface Failure {
  /**
   * `unavailable`: this script is orphaned (extension updated or reloaded) — stop, never retry.
   * `transport`: the message was lost on the way (background stopped mid-request) — safe to retry
   * requests that are idempotent.
   */
  code: 'invalid-message' | 'forbidden-sender' | 'unknown-type' | 'storage' | 'unavailable' | 'transport' | 'internal';
  message: string;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: Failure['code'], message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
