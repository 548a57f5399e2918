import { sleep } from '../adapters/system/sleep.ts';
import { getBackoffDelay } from '../core/getBackoffDelay.ts';
import type { LeaderLease, LeaderLock } from '../core/LeaderLock.ts';
import { SILENT_WORKER_LOGGER } from './WorkerLogger.ts';
import type { ChainWatcherDeps } from './watcher/ChainWatchContext.ts';
import { fenceStore } from './watcher/fenceStore.ts';
import {
  DEFAULT_INITIAL_BACKOFF_MS,
  DEFAULT_MAX_BACKOFF_MS,
  type WatchChainParameters,
  watchChain,
} from './watcher/watchChain.ts';

export type { ChainWatcherDeps, CommittedRange } from './watcher/ChainWatchContext.ts';

export type StartChainWatcherParameters = WatchChainParameters & {
  /** Aborting stops the watcher; the promise resolves once it has stopped. */
  readonly signal: AbortSignal;
  /** When given, only the holder of `watcher:<network>` scans; other processes wait as standbys. */
  readonly lock?: LeaderLock;
  /**
   * With a lock: how long the holder's steps may keep failing (its RPC unreachable, say) before it
   * stops renewing its lease so that a standby, whose RPC may work, takes over; and how long a
   * holder that lost its lease waits before competing for it again. Default 5 s.
   */
  readonly failoverMs?: number;
};

const DEFAULT_FAILOVER_MS = 5_000;

/**
 * Watches one network for payments into deposit addresses until `signal` aborts.
 *
 * It follows the head by a `newHeads` subscription when the network has a `ws(s)://` RPC URL:
 * each announced block wakes the watcher at once (on anvil, block mined → payment recorded at p50
 * 25 ms instead of 211 ms polling every 250 ms; docs/benchmarks.md). Otherwise, and
 * while the socket is down (it reconnects with exponential backoff), it polls
 * `eth_getBlockByNumber('latest')` every `pollIntervalMs`. Polling stays because it works over the
 * plain HTTP URLs every provider offers and needs no connection to survive; and either way the
 * cursor in the database, not the stream of announcements, decides what is scanned: an
 * announcement only ends the wait early, so a lost one or a dropped socket skips no block (the
 * next step scans everything from the cursor), and while subscribed the head is still polled now
 * and then (`subscribedPollIntervalMs`) in case the node leaves one out.
 *
 * Each step: read the head, refresh the watched addresses, scan the next bounded range from the
 * stored cursor, check that it continues the kept chain, and commit payments, confirmations, block
 * hashes and cursor in one transaction (`recordTransfers`). A parent-hash mismatch (or a changed
 * block at the head height) walks back through the kept hashes to the fork and rewinds
 * (`rewindChain`): payments of orphaned blocks fail and the new chain is scanned from the fork.
 * Hashes are kept down to the network's finality depth, so every payment that can still vanish
 * is in a kept block: each new range's parent-hash link re-proves its block is still canonical
 * (a block hash commits to the block's logs), and a payment below the kept blocks is final.
 * Errors back off exponentially and resume from the cursor: no block is skipped, none counted twice.
 */
export async function startChainWatcher(
  deps: ChainWatcherDeps,
  parameters: StartChainWatcherParameters,
): Promise<void> {
  const { signal, lock, network } = parameters;
  const logger = parameters.logger ?? SILENT_WORKER_LOGGER;
  if (lock === undefined) return watchChain(deps, parameters, signal);
  const backoff = {
    initialMs: parameters.initialBackoffMs ?? DEFAULT_INITIAL_BACKOFF_MS,
    maxMs: parameters.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS,
  };
  const failoverMs = parameters.failoverMs ?? DEFAULT_FAILOVER_MS;
  // Real time, not the deps' clock (tests move that one by hand): it paces leases between processes.
  let failingSinceMs: number | null = null;
  const isHealthy = () => failingSinceMs === null || performance.now() - failingSinceMs < failoverMs;
  const onStep = (isOk: boolean) => {
    if (isOk) failingSinceMs = null;
    else failingSinceMs ??= performance.now();
  };
  let failures = 0;
  while (!signal.aborted) {
    let lease: LeaderLease | null;
    try {
      lease = await lock.acquire(`watcher:${network.key}`, signal, { isHealthy });
    } catch (error) {
      const retryInMs = getBackoffDelay({ failures: ++failures, ...backoff });
      logger.warn({ err: error, retryInMs }, 'chain watcher cannot reach its lock');
      await sleep(retryInMs, signal);
      continue;
    }
    if (lease === null) return;
    failures = 0;
    logger.info({}, 'chain watcher holds the network lock');
    failingSinceMs = null;
    // Fenced: once another process holds the lease, nothing of this one's commits.
    const leaseDeps = lease.fencing === undefined ? deps : { ...deps, store: fenceStore(deps.store, lease.fencing) };
    try {
      await watchChain(leaseDeps, { ...parameters, onStep }, AbortSignal.any([signal, lease.lost]));
    } finally {
      await lease.release();
    }
    if (!signal.aborted) {
      logger.warn({}, 'chain watcher lost the network lock; waiting to take it again');
      // A standby (whose RPC may work where this one's failed) gets the first chance to take it.
      await sleep(failoverMs, signal);
    }
  }
}
