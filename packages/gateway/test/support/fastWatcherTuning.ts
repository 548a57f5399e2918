/** Watcher timings for end-to-end chain tests: poll and back off in tens of milliseconds, not seconds. */
export const FAST_WATCHER_TUNING = { pollIntervalMs: 20, initialBackoffMs: 20, maxBackoffMs: 200 } as const;
