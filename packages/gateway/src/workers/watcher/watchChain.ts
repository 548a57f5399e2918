import { sleep } from '../../adapters/system/sleep.ts';
import type { ChainReader } from '../../core/ChainReader.ts';
import { getBackoffDelay } from '../../core/getBackoffDelay.ts';
import { LeaseLostError } from '../../core/LeaderLock.ts';
import type { Network } from '../../core/network.ts';
import { SILENT_WORKER_LOGGER, type WorkerLogger } from '../WorkerLogger.ts';
import type { ChainWatchContext, ChainWatcherDeps, CommittedRange } from './ChainWatchContext.ts';
import { createHeadWaiter } from './createHeadWaiter.ts';
import { createWatchedAddresses } from './createWatchedAddresses.ts';
import { scanNextRange } from './scanNextRange.ts';

export type WatchChainParameters = {
  readonly network: Network;
  readonly chain: ChainReader;
  /**
   * How often to ask for the head when caught up and no `newHeads` subscription is live (the
   * network has no websocket URL, or its socket is down). Default: a quarter block time, within 250 ms–3 s.
   */
  readonly pollIntervalMs?: number;
  /**
   * How often to ask for the head anyway while subscribed, in case the node leaves out an
   * announcement. Default: 4 block times within 2–30 s, and never below `pollIntervalMs`.
   */
  readonly subscribedPollIntervalMs?: number;
  /** Most blocks scanned (and committed) at once, e.g. while catching up. Default 20. */
  readonly maxBlocksPerRange?: number;
  /** Where the very first start begins (no cursor stored yet). Default: the current head. */
  readonly startBlock?: bigint;
  /**
   * Recent block hashes kept to detect reorgs. Default max(256, 2 × confirmations); never fewer
   * than the network's `finalityDepth`, as a payment whose block hash is forgotten is final.
   */
  readonly retainedBlocks?: number;
  /** First wait after an RPC or database error; doubles per failure up to `maxBackoffMs`. Default 500. */
  readonly initialBackoffMs?: number;
  /** Default 30 s. */
  readonly maxBackoffMs?: number;
  /** Bound to the network (its lines carry `network`), so no line writes it again. */
  readonly logger?: WorkerLogger;
  readonly onRangeCommitted?: (range: CommittedRange) => void;
  /** After every step: whether it worked. A lease holder stops renewing while steps keep failing. */
  readonly onStep?: (isOk: boolean) => void;
};

const DEFAULT_MAX_BLOCKS_PER_RANGE = 20;
const MIN_RETAINED_BLOCKS = 256;
export const DEFAULT_INITIAL_BACKOFF_MS = 500;
export const DEFAULT_MAX_BACKOFF_MS = 30_000;

/**
 * Scans one network step by step (`scanNextRange`) until `signal` aborts; once caught up, waits
 * for the next head (`createHeadWaiter`: announced by subscription, or polled). Errors back off
 * exponentially and resume from the cursor: no block is skipped, none counted twice.
 */
export async function watchChain(
  deps: ChainWatcherDeps,
  parameters: WatchChainParameters,
  signal: AbortSignal,
): Promise<void> {
  const { network } = parameters;
  const logger = parameters.logger ?? SILENT_WORKER_LOGGER;
  const pollIntervalMs = parameters.pollIntervalMs ?? getDefaultPollIntervalMs(network);
  const backoff = {
    initialMs: parameters.initialBackoffMs ?? DEFAULT_INITIAL_BACKOFF_MS,
    maxMs: parameters.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS,
  };
  const ctx = createContext(deps, parameters, signal, logger);
  const heads = createHeadWaiter({
    chain: parameters.chain,
    logger,
    signal,
    pollIntervalMs,
    subscribedPollIntervalMs: Math.max(
      pollIntervalMs,
      parameters.subscribedPollIntervalMs ?? getDefaultSubscribedPollIntervalMs(network),
    ),
  });
  logger.info({ pollIntervalMs }, 'chain watcher started');
  let failures = 0;
  while (!signal.aborted) {
    try {
      const isCaughtUp = await scanNextRange(ctx);
      failures = 0;
      parameters.onStep?.(true);
      if (isCaughtUp) await heads.wait();
    } catch (error) {
      if (signal.aborted) break;
      // Another process holds the network now: nothing this one does can commit, so it stops.
      if (error instanceof LeaseLostError) {
        logger.warn({ err: error }, 'chain watcher lost its lease; stopping');
        break;
      }
      parameters.onStep?.(false);
      const retryInMs = getBackoffDelay({ failures: ++failures, ...backoff });
      logger.warn({ err: error, retryInMs }, 'chain watcher step failed; retrying from the stored cursor');
      await sleep(retryInMs, signal);
    }
  }
  logger.info({}, 'chain watcher stopped');
}

function createContext(
  deps: ChainWatcherDeps,
  parameters: WatchChainParameters,
  signal: AbortSignal,
  logger: WorkerLogger,
): ChainWatchContext {
  const { network } = parameters;
  return {
    deps,
    network,
    chain: parameters.chain,
    signal,
    logger,
    watched: createWatchedAddresses(deps.store.quotes, network.key),
    maxBlocksPerRange: BigInt(parameters.maxBlocksPerRange ?? DEFAULT_MAX_BLOCKS_PER_RANGE),
    retainedBlocks: Math.max(
      parameters.retainedBlocks ?? Math.max(MIN_RETAINED_BLOCKS, 2 * network.confirmations),
      network.finalityDepth ?? 0,
    ),
    startBlock: parameters.startBlock,
    onRangeCommitted: parameters.onRangeCommitted,
    cursorWrittenAtMs: deps.clock.now(),
  };
}

/** A quarter of the block time, kept within 250 ms and 3 s. */
function getDefaultPollIntervalMs(network: Network): number {
  return Math.min(3_000, Math.max(250, Math.round((network.blockTimeSeconds * 1000) / 4)));
}

/** Four block times, kept within 2 s and 30 s. */
function getDefaultSubscribedPollIntervalMs(network: Network): number {
  return Math.min(30_000, Math.max(2_000, Math.round(network.blockTimeSeconds * 4000)));
}
