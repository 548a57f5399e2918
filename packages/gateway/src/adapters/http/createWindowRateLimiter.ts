/** A fixed-window request counter per key, in this process's memory. */
export type WindowRateLimiter = {
  /** Counts one request for `key`; false when the key has used up its window. */
  tryTake(key: string, nowMs: number): boolean;
};

/** Limits each key to `limit` requests per window; a limit of 0 turns limiting off. */
export function createWindowRateLimiter({ limit, windowMs }: { limit: number; windowMs: number }): WindowRateLimiter {
  const windows = new Map<string, { startMs: number; count: number }>();
  return {
    tryTake(key, nowMs) {
      if (limit === 0) return true;
      const current = windows.get(key);
      if (current === undefined || nowMs - current.startMs >= windowMs) {
        // Drop stale keys now and then so the map is bounded by the active apps.
        if (windows.size > 10_000) for (const [k, w] of windows) if (nowMs - w.startMs >= windowMs) windows.delete(k);
        windows.set(key, { startMs: nowMs, count: 1 });
        return true;
      }
      current.count += 1;
      return current.count <= limit;
    },
  };
}
