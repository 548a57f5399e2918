import { createChainReader } from '../adapters/chains/createChainReader.ts';
import type { GatewayMetrics } from '../adapters/metrics/createGatewayMetrics.ts';
import { observeChain } from '../adapters/metrics/observeChain.ts';
import type { LeaderLock } from '../core/LeaderLock.ts';
import type { Network } from '../core/network.ts';
import { type ChainWatcherDeps, type StartChainWatcherParameters, startChainWatcher } from './startChainWatcher.ts';
import type { WorkerLogger } from './WorkerLogger.ts';

export type StartNetworkWatchersParameters = {
  readonly networks: readonly Network[];
  /** Watcher tuning shared by every network (tests and dev mode follow a local chain closely). */
  readonly tuning: Partial<Omit<StartChainWatcherParameters, 'network' | 'chain' | 'signal' | 'lock' | 'logger'>>;
  /** One watcher per network across all processes: the others stand by on the lock. */
  readonly lock: LeaderLock;
  readonly signal: AbortSignal;
  readonly metrics: GatewayMetrics | undefined;
  /** The logger of a network's watcher, bound to it: every line carries `network` once, from there. */
  readonly loggerFor: (network: Network) => WorkerLogger;
};

/**
 * A chain watcher for each network with an RPC URL. Its own module so that the composition root
 * loads it (and viem with it) only in a process that runs the watcher role: an API-only process
 * starts faster and holds less memory without it.
 */
export async function startNetworkWatchers(
  deps: ChainWatcherDeps,
  { networks, tuning, lock, signal, metrics, loggerFor }: StartNetworkWatchersParameters,
): Promise<void> {
  await Promise.all(
    networks
      .filter((n) => n.rpcUrls.length > 0)
      .map((network) =>
        startChainWatcher(deps, {
          ...tuning,
          network,
          // A dropped head subscription reconnects on the watcher's backoff.
          ...observeChain(createChainReader(network, tuning), network.key, metrics),
          signal,
          lock,
          logger: loggerFor(network),
        }),
      ),
  );
}
