/** An idle wait that the work it waits for can cut short. */
export type Waker = {
  /** Waits `ms`; resolves true when `wake` ended it early, false on timeout or abort. */
  sleep(ms: number): Promise<boolean>;
  /** Ends the current wait, if any; does nothing otherwise. */
  wake(): void;
};

/**
 * The dispatcher's wait between queue reads: an answer that frees a slot wakes it at once, so a
 * freed slot is refilled without waiting for the next poll. Aborting `signal` ends any wait.
 */
export function createWaker(signal: AbortSignal): Waker {
  let wake: (() => void) | null = null;
  return {
    sleep: (ms) =>
      new Promise((resolve) => {
        const finish = (woken: boolean): void => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          wake = null;
          resolve(woken);
        };
        const onAbort = (): void => finish(false);
        const timer = setTimeout(() => finish(false), ms);
        signal.addEventListener('abort', onAbort, { once: true });
        wake = () => finish(true);
      }),
    wake: () => wake?.(),
  };
}
