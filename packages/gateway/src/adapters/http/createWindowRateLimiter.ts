/** A fixed-window request counter per key, in this process's memory. */
export type WindowRateLimiter = {
  /** Counts one request for `key`; false when the key has used up its window. */
  tryTake(key: string, nowMs: number): boolean;
  /** Keys held now: those with an open window, at most `maxKeys`. */
  size(): number;
};

/**
 * Keys held at most by default. A key costs about 150 bytes (bench/hostile-memory.ts: 16,500 client
 * addresses held 2.4 MB of heap), so the cap is 15 MB. 100,000 distinct addresses in one window is
 * some 1,700 new buyers a second, far past a self-hosted shop's checkout traffic: only a flood of
 * addresses gets there, and per-address budgets cannot stop a flood of addresses anyway.
 */
export const MAX_RATE_LIMIT_KEYS = 100_000;

export type CreateWindowRateLimiterParameters = {
  readonly limit: number;
  readonly windowMs: number;
  readonly maxKeys?: number;
};

/**
 * Limits each key to `limit` requests per window; a limit of 0 turns limiting off. Keys are chosen
 * by clients (their address), so the memory is bounded twice: a key is dropped once its window has
 * passed, and at `maxKeys` the key whose window is oldest goes first, which at worst hands that one
 * client a fresh budget a little early.
 */
export function createWindowRateLimiter({
  limit,
  windowMs,
  maxKeys = MAX_RATE_LIMIT_KEYS,
}: CreateWindowRateLimiterParameters): WindowRateLimiter {
  // Kept in order of window start (a restarted window is re-inserted at the end), so the keys to
  // drop are always at the front: each insert drops what has expired in O(1) amortized, never
  // scanning the keys still in their window.
  const windows = new Map<string, { startMs: number; count: number }>();
  return {
    tryTake(key, nowMs) {
      if (limit === 0) return true;
      const current = windows.get(key);
      if (current !== undefined && nowMs - current.startMs < windowMs) {
        current.count += 1;
        return current.count <= limit;
      }
      windows.delete(key);
      for (const [oldestKey, oldest] of windows) {
        if (nowMs - oldest.startMs < windowMs && windows.size < maxKeys) break;
        windows.delete(oldestKey);
      }
      windows.set(key, { startMs: nowMs, count: 1 });
      return true;
    },
    size: () => windows.size,
  };
}
