/** Receives a fresh state of one watched key on every poll. */
export type FeedListener<T> = (state: T) => void;

export type CheckoutFeed<T> = {
  /** Follows `key` until the returned function is called. */
  subscribe(key: string, listener: FeedListener<T>): () => void;
  /** Open subscriptions of `key` (to cap streams per order). */
  countListeners(key: string): number;
  /** Open subscriptions in all. */
  size(): number;
  /** Stops polling and drops every listener. */
  close(): void;
};

export type CreateCheckoutFeedParameters<T> = {
  /** Reads the current state of a key; null drops its listeners (the order vanished). */
  readonly load: (key: string) => Promise<T | null>;
  readonly intervalMs: number;
  /** Keys read at once in one round; the rest wait for their turn in the same round. */
  readonly concurrency?: number;
  readonly onError: (error: unknown) => void;
};

/**
 * One poller shared by every open live-update stream: each round reads each watched key once,
 * however many buyers follow it, and hands the state to all its listeners. The database is the
 * source of truth (the chain watcher may run in another process), so polling it is the one way
 * to see changes everywhere. Rounds never overlap; the timer only runs while someone listens.
 */
export function createCheckoutFeed<T>(p: CreateCheckoutFeedParameters<T>): CheckoutFeed<T> {
  const listeners = new Map<string, Set<FeedListener<T>>>();
  const concurrency = p.concurrency ?? 8;
  let timer: NodeJS.Timeout | null = null;
  let isClosed = false;

  const schedule = () => {
    if (timer !== null || isClosed || listeners.size === 0) return;
    timer = setTimeout(() => {
      runRound().then(
        () => {
          timer = null;
          schedule();
        },
        (error: unknown) => {
          timer = null;
          p.onError(error);
          schedule();
        },
      );
    }, p.intervalMs);
    // An idle poller must not keep the process alive on its own.
    timer.unref();
  };

  const runRound = async () => {
    const keys = [...listeners.keys()];
    let next = 0;
    const worker = async () => {
      while (next < keys.length) {
        const key = keys[next++] as string;
        try {
          const state = await p.load(key);
          const group = listeners.get(key);
          if (group === undefined) continue;
          if (state === null) {
            listeners.delete(key);
            continue;
          }
          for (const listener of [...group]) {
            try {
              listener(state);
            } catch (error) {
              p.onError(error);
            }
          }
        } catch (error) {
          p.onError(error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, keys.length) }, worker));
  };

  return {
    subscribe(key, listener) {
      if (isClosed) return () => undefined;
      let group = listeners.get(key);
      if (group === undefined) {
        group = new Set();
        listeners.set(key, group);
      }
      group.add(listener);
      schedule();
      return () => {
        const current = listeners.get(key);
        current?.delete(listener);
        if (current?.size === 0) listeners.delete(key);
      };
    },
    countListeners: (key) => listeners.get(key)?.size ?? 0,
    size: () => [...listeners.values()].reduce((sum, group) => sum + group.size, 0),
    close() {
      isClosed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      listeners.clear();
    },
  };
}
