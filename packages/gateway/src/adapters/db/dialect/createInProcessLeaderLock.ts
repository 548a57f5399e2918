import type { LeaderLock } from '../../../core/LeaderLock.ts';
import { sleep } from '../../system/sleep.ts';

/** SQLite's leader lock: SQLite serves one process, so the lock only excludes holders within it. */
export function createInProcessLeaderLock(retryMs: number): LeaderLock {
  const held = new Set<string>();
  return {
    async acquire(name, signal) {
      while (held.has(name)) {
        if (signal.aborted) return null;
        await sleep(retryMs, signal);
      }
      if (signal.aborted) return null;
      held.add(name);
      return {
        lost: new AbortController().signal,
        release: async () => {
          held.delete(name);
        },
      };
    },
  };
}
