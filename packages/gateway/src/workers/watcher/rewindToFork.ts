import { rewindChain } from '../../app/rewindChain.ts';
import type { ChainWatchContext } from './ChainWatchContext.ts';
import { findForkBlock } from './findForkBlock.ts';

/** Walks back from `fromBlock` to the newest kept block the node still has, and rewinds to it. */
export async function rewindToFork(ctx: ChainWatchContext, fromBlock: bigint): Promise<void> {
  const { deps, network, chain, logger, retainedBlocks } = ctx;
  const key = network.key;
  const kept = await deps.store.chain.listBlocks(key);
  const forkBlock = await findForkBlock(chain, kept, fromBlock);
  const orphanedBlocks = kept.filter((b) => b.blockNumber > forkBlock);
  const oldest = kept[0];
  if (oldest !== undefined && forkBlock < oldest.blockNumber && kept.length >= retainedBlocks) {
    // Every kept block is orphaned, so the fork is older than the finality depth: the payments
    // of the kept blocks fail, the older ones are final and stay, and scanning resumes at the
    // oldest kept height (the blocks below it are not read again).
    logger.error(
      { forkBlock: String(forkBlock), retainedBlocks },
      'chain reorganised deeper than the kept block hashes (the finality depth); payments in older blocks are final and were left as they are',
    );
  }
  const { failed } = await rewindChain(deps, { network, forkBlock, orphanedBlocks });
  logger.warn(
    {
      forkBlock: String(forkBlock),
      orphanedBlocks: orphanedBlocks.length,
      failedPayments: failed.map((p) => p.recordId),
    },
    'chain reorganised: rewound to the fork',
  );
}
