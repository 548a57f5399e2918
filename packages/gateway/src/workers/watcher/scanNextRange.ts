import { recordTransfers } from '../../app/recordTransfers.ts';
import type { Transfer } from '../../core/network.ts';
import type { ChainBlock } from '../../core/ports.ts';
import type { ChainWatchContext } from './ChainWatchContext.ts';
import { rewindToFork } from './rewindToFork.ts';

// While caught up on an idle chain (a dev chain mines only on demand) the cursor does not move;
// rewriting it this often tells other processes the watcher is alive (`coin/all` status).
const CURSOR_HEARTBEAT_MS = 30_000;

/**
 * One step of the watch: reads the head, refreshes the watched addresses, scans the next bounded
 * range from the stored cursor, checks that it continues the kept chain and commits it (or rewinds
 * on a fork). True when caught up with the head: time to wait for the next block.
 */
export async function scanNextRange(ctx: ChainWatchContext): Promise<boolean> {
  const { deps, network, chain, watched } = ctx;
  const { store, clock } = deps;
  const key = network.key;
  const head = await chain.getHead();
  // After reading the head: every block up to it was mined before this refresh, so a payment
  // in it was sent to an address whose quote had already committed, and is loaded here.
  await watched.refresh(clock.now());
  const cursor =
    (await store.chain.findCursor(key)) ??
    // Stored at once: a crash before the first commit must not move the start to a later head.
    (await store.chain.initCursor(key, ctx.startBlock ?? head.blockNumber, clock.now()));
  const tipNumber = cursor - 1n;
  if (head.blockNumber <= tipNumber) return holdAtHead(ctx, head, cursor);

  const fromBlock = cursor;
  const toBlock = min(head.blockNumber, fromBlock + ctx.maxBlocksPerRange - 1n);
  const scan = await chain.scanBlockRange({ fromBlock, toBlock, isWatched: watched.isWatched });
  // Stopping: the range is simply scanned again on the next start.
  if (ctx.signal.aborted) return true;
  const first = scan.blocks[0];
  if (first?.blockNumber !== fromBlock || scan.blocks[scan.blocks.length - 1]?.blockNumber !== toBlock) {
    throw new Error(`scan of ${fromBlock}..${toBlock} returned other blocks`);
  }
  const parent = tipNumber >= 0n ? await store.chain.findBlock(key, tipNumber) : null;
  if (parent !== null && first.parentHash !== parent.blockHash) {
    await rewindToFork(ctx, tipNumber);
    return false;
  }

  // Read after the scan, so it is at least as new as the blocks it judges.
  const finalizedBlockNumber = await chain.getFinalizedBlockNumber?.();
  const result = await recordTransfers(deps, {
    network,
    blocks: scan.blocks,
    transfers: scan.transfers,
    findQuote: watched.find,
    retainedBlocks: ctx.retainedBlocks,
    ...(finalizedBlockNumber === undefined ? {} : { finalizedBlockNumber }),
  });
  ctx.cursorWrittenAtMs = clock.now();
  logUnmatched(ctx, result.unmatched);
  ctx.onRangeCommitted?.({
    fromBlock,
    toBlock,
    headBlock: head.blockNumber,
    recorded: result.recorded,
    confirmed: result.confirmed,
  });
  return toBlock >= head.blockNumber;
}

/** Caught up: nothing to scan, but the head may have been replaced, and the cursor wants a heartbeat. */
async function holdAtHead(ctx: ChainWatchContext, head: ChainBlock, cursor: bigint): Promise<boolean> {
  const { store, clock } = ctx.deps;
  const key = ctx.network.key;
  // A fork as long as ours (or shorter) replaces blocks without adding any: the block we kept at
  // the head's height must still be the head.
  const kept = await store.chain.findBlock(key, head.blockNumber);
  if (kept !== null && kept.blockHash !== head.blockHash) {
    await rewindToFork(ctx, head.blockNumber);
    return false;
  }
  if (clock.now() - ctx.cursorWrittenAtMs >= CURSOR_HEARTBEAT_MS) {
    await store.chain.setCursor(key, cursor, clock.now());
    ctx.cursorWrittenAtMs = clock.now();
  }
  return true;
}

function logUnmatched(ctx: ChainWatchContext, unmatched: readonly Transfer[]): void {
  for (const transfer of unmatched) {
    ctx.logger.warn(
      {
        txid: transfer.txid,
        logIndex: transfer.logIndex,
        to: transfer.to,
        contract: transfer.contract,
        amount: transfer.amount.toString(),
      },
      "transfer into a deposit address does not pay its quote (another coin than the quote's, or zero); not counted",
    );
  }
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
