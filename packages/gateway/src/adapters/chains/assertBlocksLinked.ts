import { ChainReorgedDuringScanError } from './evm/ChainReorgedDuringScanError.ts';

type LinkedBlock = { readonly number: bigint; readonly hash: `0x${string}`; readonly parentHash: `0x${string}` };

/**
 * Each block of a scanned range must be the parent of the next: otherwise the reads straddled a
 * reorg (or nodes at different heads answered), and {@link ChainReorgedDuringScanError} is thrown.
 */
export function assertBlocksLinked(blocks: readonly LinkedBlock[]): void {
  for (let i = 1; i < blocks.length; i += 1) {
    const parent = blocks[i - 1] as LinkedBlock;
    const block = blocks[i] as LinkedBlock;
    if (block.parentHash !== parent.hash) {
      throw new ChainReorgedDuringScanError({
        blockNumber: parent.number,
        expectedHash: parent.hash,
        actualHash: block.parentHash,
      });
    }
  }
}
