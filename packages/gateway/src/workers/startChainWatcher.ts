import { sleep } from '../adapters/system/sleep.ts';
import type { Deps } from '../app/Deps.ts';
import { type DepositQuote, recordTransfers } from '../app/recordTransfers.ts';
import { rewindChain } from '../app/rewindChain.ts';
import type { ChainReader } from '../core/ChainReader.ts';
import type { LeaderLease, LeaderLock } from '../core/LeaderLock.ts';
import type { Network } from '../core/network.ts';
import type { Payment } from '../core/Payment.ts';
import type { ChainBlock, QuoteStore } from '../core/ports.ts';
import { SILENT_WORKER_LOGGER, type WorkerLogger } from './WorkerLogger.ts';

export type ChainWatcherDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'networks'>;

/** What one committed range changed: for metrics, logs and benchmarks. */
export type CommittedRange = {
  readonly fromBlock: bigint;
  readonly toBlock: bigint;
  /** The node's head when the range was chosen. */
  readonly headBlock: bigint;
  readonly recorded: readonly Payment[];
  readonly confirmed: readonly Payment[];
};

export type StartChainWatcherParameters = {
  readonly network: Network;
  readonly chain: ChainReader;
  /** Aborting stops the watcher; the promise resolves once it has stopped. */
  readonly signal: AbortSignal;
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
  /** When given, only the holder of `watcher:<network>` scans; other processes wait as standbys. */
  readonly lock?: LeaderLock;
  readonly logger?: WorkerLogger;
  readonly onRangeCommitted?: (range: CommittedRange) => void;
};

const DEFAULT_MAX_BLOCKS_PER_RANGE = 20;
const MIN_RETAINED_BLOCKS = 256;
const DEFAULT_INITIAL_BACKOFF_MS = 500;
const DEFAULT_MAX_BACKOFF_MS = 30_000;
// While caught up on an idle chain (a dev chain mines only on demand) the cursor does not move;
// rewriting it this often tells other processes the watcher is alive (`coin/all` status).
const CURSOR_HEARTBEAT_MS = 30_000;

/**
 * Watches one network for payments into deposit addresses until `signal` aborts.
 *
 * It follows the head by polling (`eth_getBlockByNumber('latest')` every `pollIntervalMs` while
 * caught up) rather than a `newHeads` subscription: polling works over the plain HTTP RPC URLs
 * every provider offers, survives dropped connections without reconnect logic, and the cursor in
 * the database, not a stream of notifications, decides what is scanned, so a subscription could
 * only shave up to one polling interval off the detection time, which the network's confirmation
 * time dwarfs (docs/benchmarks.md has the measured latency).
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
  let backoffMs = parameters.initialBackoffMs ?? DEFAULT_INITIAL_BACKOFF_MS;
  while (!signal.aborted) {
    let lease: LeaderLease | null;
    try {
      lease = await lock.acquire(`watcher:${network.key}`, signal);
    } catch (error) {
      logger.warn({ network: network.key, err: error, retryInMs: backoffMs }, 'chain watcher cannot reach its lock');
      await sleep(backoffMs, signal);
      backoffMs = Math.min(backoffMs * 2, parameters.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS);
      continue;
    }
    if (lease === null) return;
    backoffMs = parameters.initialBackoffMs ?? DEFAULT_INITIAL_BACKOFF_MS;
    logger.info({ network: network.key }, 'chain watcher holds the network lock');
    try {
      await watchChain(deps, parameters, AbortSignal.any([signal, lease.lost]));
    } finally {
      await lease.release();
    }
    if (lease.lost.aborted && !signal.aborted) {
      logger.warn({ network: network.key }, 'chain watcher lost the network lock; waiting to take it again');
    }
  }
}

async function watchChain(
  deps: ChainWatcherDeps,
  parameters: StartChainWatcherParameters,
  signal: AbortSignal,
): Promise<void> {
  const { network, chain, onRangeCommitted } = parameters;
  const { store, clock } = deps;
  const key = network.key;
  const logger = parameters.logger ?? SILENT_WORKER_LOGGER;
  const pollIntervalMs = parameters.pollIntervalMs ?? getDefaultPollIntervalMs(network);
  const maxBlocksPerRange = BigInt(parameters.maxBlocksPerRange ?? DEFAULT_MAX_BLOCKS_PER_RANGE);
  const retainedBlocks = Math.max(
    parameters.retainedBlocks ?? Math.max(MIN_RETAINED_BLOCKS, 2 * network.confirmations),
    network.finalityDepth ?? 0,
  );
  const initialBackoffMs = parameters.initialBackoffMs ?? DEFAULT_INITIAL_BACKOFF_MS;
  const maxBackoffMs = parameters.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
  const watched = createWatchedAddresses(store.quotes, key);
  let cursorWrittenAtMs = clock.now();

  /** Walks back from `fromBlock` to the newest kept block the node still has, and rewinds to it. */
  const rewindFrom = async (fromBlock: bigint): Promise<void> => {
    const kept = await store.chain.listBlocks(key);
    const forkBlock = await findForkBlock(chain, kept, fromBlock);
    const orphanedBlocks = kept.filter((b) => b.blockNumber > forkBlock);
    const oldest = kept[0];
    if (oldest !== undefined && forkBlock < oldest.blockNumber && kept.length >= retainedBlocks) {
      // Every kept block is orphaned, so the fork is older than the finality depth: the payments
      // of the kept blocks fail, the older ones are final and stay, and scanning resumes at the
      // oldest kept height (the blocks below it are not read again).
      logger.error(
        { network: key, forkBlock: String(forkBlock), retainedBlocks },
        'chain reorganised deeper than the kept block hashes (the finality depth); payments in older blocks are final and were left as they are',
      );
    }
    const { failed } = await rewindChain(deps, { network, forkBlock, orphanedBlocks });
    logger.warn(
      {
        network: key,
        forkBlock: String(forkBlock),
        orphanedBlocks: orphanedBlocks.length,
        failedPayments: failed.map((p) => p.recordId),
      },
      'chain reorganised: rewound to the fork',
    );
  };

  /** One step; true when caught up with the head (time to wait for the next block). */
  const step = async (): Promise<boolean> => {
    const head = await chain.getHead();
    // After reading the head: every block up to it was mined before this refresh, so a payment
    // in it was sent to an address whose quote had already committed, and is loaded here.
    await watched.refresh(clock.now());
    const cursor =
      (await store.chain.findCursor(key)) ??
      // Stored at once: a crash before the first commit must not move the start to a later head.
      (await store.chain.initCursor(key, parameters.startBlock ?? head.blockNumber, clock.now()));
    const tipNumber = cursor - 1n;

    if (head.blockNumber <= tipNumber) {
      // Nothing new to scan, but a fork as long as ours (or shorter) replaces blocks without
      // adding any: the block we kept at the head's height must still be the head.
      const kept = await store.chain.findBlock(key, head.blockNumber);
      if (kept !== null && kept.blockHash !== head.blockHash) {
        await rewindFrom(head.blockNumber);
        return false;
      }
      if (clock.now() - cursorWrittenAtMs >= CURSOR_HEARTBEAT_MS) {
        await store.chain.setCursor(key, cursor, clock.now());
        cursorWrittenAtMs = clock.now();
      }
      return true;
    }

    const fromBlock = cursor;
    const toBlock = min(head.blockNumber, fromBlock + maxBlocksPerRange - 1n);
    const scan = await chain.scanBlockRange({ fromBlock, toBlock, isWatched: watched.isWatched });
    // Stopping: the range is simply scanned again on the next start.
    if (signal.aborted) return true;
    const first = scan.blocks[0];
    if (first?.blockNumber !== fromBlock || scan.blocks[scan.blocks.length - 1]?.blockNumber !== toBlock) {
      throw new Error(`scan of ${fromBlock}..${toBlock} returned other blocks`);
    }
    const parent = tipNumber >= 0n ? await store.chain.findBlock(key, tipNumber) : null;
    if (parent !== null && first.parentHash !== parent.blockHash) {
      await rewindFrom(tipNumber);
      return false;
    }

    const result = await recordTransfers(deps, {
      network,
      blocks: scan.blocks,
      transfers: scan.transfers,
      findQuote: watched.find,
      retainedBlocks,
    });
    cursorWrittenAtMs = clock.now();
    for (const transfer of result.unmatched) {
      logger.warn(
        {
          network: key,
          txid: transfer.txid,
          logIndex: transfer.logIndex,
          to: transfer.to,
          contract: transfer.contract,
          amount: transfer.amount.toString(),
        },
        "transfer into a deposit address does not pay its quote (another coin than the quote's, or zero); not counted",
      );
    }
    onRangeCommitted?.({
      fromBlock,
      toBlock,
      headBlock: head.blockNumber,
      recorded: result.recorded,
      confirmed: result.confirmed,
    });
    return toBlock >= head.blockNumber;
  };

  logger.info({ network: key, pollIntervalMs }, 'chain watcher started');
  let backoffMs = initialBackoffMs;
  while (!signal.aborted) {
    try {
      const isCaughtUp = await step();
      backoffMs = initialBackoffMs;
      if (isCaughtUp) await sleep(pollIntervalMs, signal);
    } catch (error) {
      if (signal.aborted) break;
      logger.warn(
        { network: key, err: error, retryInMs: backoffMs },
        'chain watcher step failed; retrying from the stored cursor',
      );
      await sleep(backoffMs, signal);
      backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
    }
  }
  logger.info({ network: key }, 'chain watcher stopped');
}

/**
 * The newest kept block at or below `fromBlock` that the node's chain still has; when there is
 * none, the block below the newest missing height (below the oldest kept one when all are gone).
 */
async function findForkBlock(chain: ChainReader, kept: readonly ChainBlock[], fromBlock: bigint): Promise<bigint> {
  const isCanonical = async (block: ChainBlock) =>
    (await chain.getBlock(block.blockNumber))?.blockHash === block.blockHash;
  // The kept blocks form one hash chain, so when the oldest is gone all are: asked first, it saves
  // one request per kept block (thousands on a network with a deep finality) in a deep reorg.
  const oldest = kept[0];
  if (oldest !== undefined && oldest.blockNumber <= fromBlock && !(await isCanonical(oldest))) {
    return oldest.blockNumber - 1n;
  }
  const keptByNumber = new Map(kept.map((b) => [b.blockNumber, b]));
  for (let n = fromBlock; n >= 0n; n -= 1n) {
    const keptBlock = keptByNumber.get(n);
    if (keptBlock === undefined || (await isCanonical(keptBlock))) return n;
  }
  return -1n;
}

/** A quarter of the block time, kept within 250 ms and 3 s. */
function getDefaultPollIntervalMs(network: Network): number {
  return Math.min(3_000, Math.max(250, Math.round((network.blockTimeSeconds * 1000) / 4)));
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

// Quote ids come from a sequence: under concurrency a smaller id can commit after a bigger one was
// read. Quotes created in this window are read again on every refresh, so one that commits late
// is still picked up; quote inserts take milliseconds, the margin covers clock skew between hosts.
const QUOTE_LOOKBACK_MS = 30_000;
// Backstops: a full reload now and then (any quote the lookback missed; it reads every watched
// quote, seconds for 100,000), and a periodic sweep of addresses whose late-payment window closed.
const FULL_RELOAD_INTERVAL_MS = 30 * 60_000;
const SWEEP_INTERVAL_MS = 60_000;

type WatchedAddresses = {
  readonly isWatched: (lowercaseAddress: `0x${string}`) => boolean;
  readonly find: (lowercaseAddress: string, contract: string | null) => DepositQuote | undefined;
  refresh(nowMs: number): Promise<void>;
};

/** A watched quote, linked to the quote before it at the same address. */
type WatchedDeposit = DepositQuote & {
  readonly watchUntilMs: number;
  /**
   * The next older quote at this address: an order's quotes on one network share its address (all
   * of one order, so all watched until the same moment). Null for the address's first quote.
   */
  readonly older: WatchedDeposit | null;
};

/**
 * The network's watched deposit addresses as a hash map (lookup cost independent of how many),
 * loaded incrementally by quote id and dropped once their order's `watch_until` has passed.
 */
function createWatchedAddresses(quotes: QuoteStore, networkKey: string): WatchedAddresses {
  // Entries hold only what recording needs: with 100,000 addresses a full quote per entry is tens
  // of MB of long-lived heap that every major GC of the scan-heavy watcher walks again. Each maps
  // to its newest quote, which links to the older ones (a list, not an array per address: almost
  // every address has one quote).
  const byAddress = new Map<string, WatchedDeposit>();
  let afterQuoteId = 0;
  let nextFullReloadMs = Number.NEGATIVE_INFINITY;
  let nextSweepMs = Number.NEGATIVE_INFINITY;
  return {
    isWatched: (address) => byAddress.has(address),
    find: (address, contract) => {
      const newest = byAddress.get(address);
      for (let quote = newest ?? null; quote !== null; quote = quote.older) {
        if (quote.contract === contract) return quote;
      }
      return newest;
    },
    async refresh(nowMs) {
      if (nowMs >= nextFullReloadMs) {
        afterQuoteId = 0;
        nextFullReloadMs = nowMs + FULL_RELOAD_INTERVAL_MS;
      }
      const loaded = await quotes.listWatchedQuotes(networkKey, nowMs, afterQuoteId);
      if (afterQuoteId === 0) byAddress.clear();
      let isOldEnough = true;
      for (const quote of loaded) {
        const address = quote.address.toLowerCase();
        byAddress.set(
          address,
          withQuote(byAddress.get(address) ?? null, {
            quoteId: quote.quoteId,
            orderId: quote.orderId,
            contract: quote.contract,
            watchUntilMs: quote.watchUntilMs,
          }),
        );
        // The next refresh starts after the newest quote of an unbroken run of old-enough ones.
        isOldEnough &&= quote.createdAtMs <= nowMs - QUOTE_LOOKBACK_MS;
        if (isOldEnough) afterQuoteId = quote.quoteId;
      }
      if (nowMs >= nextSweepMs) {
        for (const [address, quote] of byAddress) if (quote.watchUntilMs <= nowMs) byAddress.delete(address);
        nextSweepMs = nowMs + SWEEP_INTERVAL_MS;
      }
    },
  };
}

/**
 * The address's quotes with `quote` among them, newest first. A quote read again (the lookback
 * re-reads recent ones) replaces its earlier copy; one that committed late goes to its place by id.
 */
function withQuote(newest: WatchedDeposit | null, quote: Omit<WatchedDeposit, 'older'>): WatchedDeposit {
  if (newest === null || quote.quoteId > newest.quoteId) return { ...quote, older: newest };
  if (quote.quoteId === newest.quoteId) return { ...quote, older: newest.older };
  return { ...newest, older: withQuote(newest.older, quote) };
}
