export type CreateConcurrencyLimiterParameters = {
  /** Tasks running at once across all keys. */
  readonly maxConcurrent: number;
  /** Tasks running at once for one key (a webhook endpoint's origin). */
  readonly maxConcurrentPerKey: number;
};

export type ConcurrencyLimiterStats = {
  readonly active: number;
  readonly queued: number;
  /** Keys with running or waiting tasks. */
  readonly keys: number;
};

export type ConcurrencyLimiter = {
  /**
   * Runs `fn` once a global slot and a slot of `key` are free, and settles as `fn` does. Waiting
   * keys take turns, so one busy endpoint cannot starve another. Aborting `signal` while the task
   * still waits removes it and rejects with the signal's reason; a running task is not touched.
   */
  run<T>(key: string, fn: () => Promise<T>, options?: { readonly signal?: AbortSignal }): Promise<T>;
  getStats(): ConcurrencyLimiterStats;
  getKeyStats(key: string): { readonly active: number; readonly queued: number };
};

type Task = { readonly start: () => void; readonly cancel: () => void };
type KeyState = { active: number; readonly waiting: Task[] };

/**
 * Bounds concurrent work globally and per key, so a slow endpoint only ever fills its own
 * `maxConcurrentPerKey` slots while other endpoints keep going.
 */
export function createConcurrencyLimiter({
  maxConcurrent,
  maxConcurrentPerKey,
}: CreateConcurrencyLimiterParameters): ConcurrencyLimiter {
  assertPositiveInteger('maxConcurrent', maxConcurrent);
  assertPositiveInteger('maxConcurrentPerKey', maxConcurrentPerKey);

  const states = new Map<string, KeyState>();
  // Keys with a waiting task and a free slot of their own, in turn order (a Set keeps insertion order).
  const readyKeys = new Set<string>();
  let active = 0;
  let queued = 0;

  const markReadyIfWaiting = (key: string, state: KeyState): void => {
    if (state.waiting.length > 0 && state.active < maxConcurrentPerKey) readyKeys.add(key);
    else readyKeys.delete(key);
  };

  const dropIfIdle = (key: string, state: KeyState): void => {
    if (state.active === 0 && state.waiting.length === 0) states.delete(key);
  };

  const startNext = (): void => {
    while (active < maxConcurrent) {
      const key = readyKeys.values().next().value;
      if (key === undefined) return;
      const state = states.get(key);
      const task = state?.waiting.shift();
      readyKeys.delete(key);
      if (state === undefined || task === undefined) continue;
      queued--;
      state.active++;
      active++;
      // Back of the line: other waiting keys get the next free slots first.
      markReadyIfWaiting(key, state);
      task.start();
    }
  };

  const run = <T>(key: string, fn: () => Promise<T>, options?: { readonly signal?: AbortSignal }): Promise<T> => {
    const signal = options?.signal;
    if (signal?.aborted === true) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      let state = states.get(key);
      if (state === undefined) {
        state = { active: 0, waiting: [] };
        states.set(key, state);
      }
      const keyState = state;
      const onAbort = (): void => task.cancel();
      const task: Task = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          const finish = (): void => {
            keyState.active--;
            active--;
            markReadyIfWaiting(key, keyState);
            dropIfIdle(key, keyState);
            startNext();
          };
          // A synchronous throw from `fn` becomes a rejection like any other failure.
          Promise.resolve()
            .then(fn)
            .then(
              (value) => {
                finish();
                resolve(value);
              },
              (error: unknown) => {
                finish();
                reject(error);
              },
            );
        },
        cancel: () => {
          const index = keyState.waiting.indexOf(task);
          if (index === -1) return;
          keyState.waiting.splice(index, 1);
          queued--;
          markReadyIfWaiting(key, keyState);
          dropIfIdle(key, keyState);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      keyState.waiting.push(task);
      queued++;
      markReadyIfWaiting(key, keyState);
      startNext();
    });
  };

  return {
    run,
    getStats: () => ({ active, queued, keys: states.size }),
    getKeyStats: (key) => {
      const state = states.get(key);
      return { active: state?.active ?? 0, queued: state?.waiting.length ?? 0 };
    },
  };
}

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a whole number of at least 1, got ${value}`);
}
