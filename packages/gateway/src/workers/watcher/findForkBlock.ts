import type { ChainReader } from '../../core/ChainReader.ts';
import type { ChainBlock } from '../../core/ports.ts';

/**
 * The newest kept block at or below `fromBlock` that the node's chain still has; when there is
 * none, the block below the newest missing height (below the oldest kept one when all are gone).
 */
export async function findForkBlock(
  chain: Pick<ChainReader, 'getBlock'>,
  kept: readonly ChainBlock[],
  fromBlock: bigint,
): Promise<bigint> {
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
