import type { Deps } from '../../app/Deps.ts';
import type { ChainReader } from '../../core/ChainReader.ts';
import type { Network } from '../../core/network.ts';
import type { Payment } from '../../core/Payment.ts';
import type { WorkerLogger } from '../WorkerLogger.ts';
import type { WatchedAddresses } from './createWatchedAddresses.ts';

export type ChainWatcherDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'networks' | 'metrics'>;

/** What one committed range changed: for metrics, logs and benchmarks. */
export type CommittedRange = {
  readonly fromBlock: bigint;
  readonly toBlock: bigint;
  /** The node's head when the range was chosen. */
  readonly headBlock: bigint;
  readonly recorded: readonly Payment[];
  readonly confirmed: readonly Payment[];
};

/** One network's watch while this process holds it: settings resolved, addresses loaded. */
export type ChainWatchContext = {
  readonly deps: ChainWatcherDeps;
  readonly network: Network;
  readonly chain: ChainReader;
  /** Aborts on stop, and when the network's lock is lost. */
  readonly signal: AbortSignal;
  readonly logger: WorkerLogger;
  readonly watched: WatchedAddresses;
  readonly maxBlocksPerRange: bigint;
  /** Block hashes kept to detect reorgs, never fewer than the network's finality depth. */
  readonly retainedBlocks: number;
  /** Where the very first start begins; undefined: the head at that moment. */
  readonly startBlock: bigint | undefined;
  readonly onRangeCommitted: ((range: CommittedRange) => void) | undefined;
  /** When the cursor row was last written: an idle watcher rewrites it as a heartbeat. */
  cursorWrittenAtMs: number;
};
