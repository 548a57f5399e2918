import { sleep } from '../../adapters/system/sleep.ts';
import type { ChainReader } from '../../core/ChainReader.ts';
import { getBackoffDelay } from '../../core/getBackoffDelay.ts';
import type { Network } from '../../core/network.ts';
import { SILENT_WORKER_LOGGER, type WorkerLogger } from '../WorkerLogger.ts';
import type { ChainWatchContext, ChainWatcherDeps, CommittedRange } from './ChainWatchContext.ts';
import { createWatchedAddresses } from './createWatchedAddresses.ts';
import { scanNextRange } from './scanNextRange.ts';

export type WatchChainParameters = {
  readonly network: Network;
  readonly chain: ChainReader;
  /** How often to ask for the head when caught up. Default: a quarter block time, within 250 ms–3 s. */
  readonly pollIntervalMs?: number;
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
  readonly logger?: WorkerLogger;
  readonly onRangeCommitted?: (range: CommittedRange) => void;
};

const DEFAULT_MAX_BLOCKS_PER_RANGE = 20;
const MIN_RETAINED_BLOCKS = 256;
export const DEFAULT_INITIAL_BACKOFF_MS = 500;
export const DEFAULT_MAX_BACKOFF_MS = 30_000;

/**
 * Scans one network step by step (`scanNextRange`) until `signal` aborts. Errors back off
 * exponentially and resume from the cursor: no block is skipped, none counted twice.
 */
export async function watchChain(
  deps: ChainWatcherDeps,
  parameters: WatchChainParameters,
  signal: AbortSignal,
): Promise<void> {
  const { network } = parameters;
  const key = network.key;
  const logger = parameters.logger ?? SILENT_WORKER_LOGGER;
  const pollIntervalMs = parameters.pollIntervalMs ?? getDefaultPollIntervalMs(network);
  const backoff = {
    initialMs: parameters.initialBackoffMs ?? DEFAULT_INITIAL_BACKOFF_MS,
    maxMs: parameters.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS,
  };
  const ctx: ChainWatchContext = {
    deps,
    network,
    chain: parameters.chain,
    signal,
    logger,
    watched: createWatchedAddresses(deps.store.quotes, key),
    maxBlocksPerRange: BigInt(parameters.maxBlocksPerRange ?? DEFAULT_MAX_BLOCKS_PER_RANGE),
    retainedBlocks: Math.max(
      parameters.retainedBlocks ?? Math.max(MIN_RETAINED_BLOCKS, 2 * network.confirmations),
      network.finalityDepth ?? 0,
    ),
    startBlock: parameters.startBlock,
    onRangeCommitted: parameters.onRangeCommitted,
    cursorWrittenAtMs: deps.clock.now(),
  };
  logger.info({ network: key, pollIntervalMs }, 'chain watcher started');
  let failures = 0;
  while (!signal.aborted) {
    try {
      const isCaughtUp = await scanNextRange(ctx);
      failures = 0;
      if (isCaughtUp) await sleep(pollIntervalMs, signal);
    } catch (error) {
      if (signal.aborted) break;
      const retryInMs = getBackoffDelay({ failures: ++failures, ...backoff });
      logger.warn(
        { network: key, err: error, retryInMs },
        'chain watcher step failed; retrying from the stored cursor',
      );
      await sleep(retryInMs, signal);
    }
  }
  logger.info({ network: key }, 'chain watcher stopped');
}

/** A quarter of the block time, kept within 250 ms and 3 s. */
function getDefaultPollIntervalMs(network: Network): number {
  return Math.min(3_000, Math.max(250, Math.round((network.blockTimeSeconds * 1000) / 4)));
}
