export type GetBackoffDelayParameters = {
  /** Failures in a row so far, the one just seen included (1 after the first failure). */
  readonly failures: number;
  /** The wait after the first failure; each further failure in a row doubles it. */
  readonly initialMs: number;
  /** The wait never grows past this. */
  readonly maxMs: number;
};

// 2^30 times any sane initial wait is past every cap; stopping the exponent there keeps the
// product a finite number however long a dependency stays down.
const MAX_DOUBLINGS = 30;

/**
 * How long a loop waits after its `failures`-th error in a row: exponential backoff, doubling
 * from `initialMs` and capped at `maxMs`. The watcher, the dispatcher and the exchange rate source
 * all back off this way, so a dead RPC node, database or exchange is asked less and less often.
 */
export function getBackoffDelay({ failures, initialMs, maxMs }: GetBackoffDelayParameters): number {
  if (!Number.isInteger(failures) || failures < 1) {
    throw new RangeError(`failures must be a whole number of at least 1, got ${failures}`);
  }
  return Math.min(initialMs * 2 ** Math.min(failures - 1, MAX_DOUBLINGS), maxMs);
}
