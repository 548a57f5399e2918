import type { Transfer } from '../../../core/network.ts';
import { ChainReorgedDuringScanError } from './ChainReorgedDuringScanError.ts';
import type { RpcClient } from './createRpcClient.ts';
import type { EvmBlock } from './getEvmBlock.ts';

/** A block read with its transactions (`includeTransactions: true`). */
export type BlockWithTransactions = Pick<EvmBlock, 'number' | 'hash' | 'transactions'>;

export type GetNativeTransfersParameters = {
  readonly client: RpcClient;
  readonly networkKey: string;
  readonly blocks: readonly BlockWithTransactions[];
  readonly isWatched: (lowercaseAddress: `0x${string}`) => boolean;
};

/**
 * The native-coin transfers to watched addresses in the blocks' transactions, in chain order, each
 * confirmed by its receipt. Throws {@link ChainReorgedDuringScanError} when a receipt names another
 * block than the one the transaction was read from.
 */
export async function getNativeTransfers({
  client,
  networkKey,
  blocks,
  isWatched,
}: GetNativeTransfersParameters): Promise<Transfer[]> {
  const candidates: { transfer: Transfer; blockHash: `0x${string}` }[] = [];
  for (const block of blocks) {
    for (const tx of block.transactions) {
      if (typeof tx === 'string' || tx.to === null || tx.value === 0n) continue;
      const to = tx.to.toLowerCase() as `0x${string}`;
      if (!isWatched(to)) continue;
      candidates.push({
        blockHash: block.hash,
        transfer: {
          networkKey,
          txid: tx.hash,
          logIndex: -1,
          blockNumber: block.number,
          blockHash: block.hash,
          from: tx.from.toLowerCase() as `0x${string}`,
          to,
          contract: null,
          amount: tx.value,
        },
      });
    }
  }
  // A transaction's value moves only if it succeeds. A plain send to an address without code
  // cannot fail, but a deposit address may carry code (EIP-7702), so only matches pay for a
  // receipt lookup: the cost follows payments, not traffic.
  const receipts = await Promise.all(candidates.map((c) => getReceipt(client, c.transfer.txid)));
  return candidates
    .filter((candidate, i) => {
      const receipt = receipts[i];
      if (receipt === undefined) return false;
      if (receipt.blockHash !== candidate.blockHash) {
        throw new ChainReorgedDuringScanError({
          blockNumber: candidate.transfer.blockNumber,
          expectedHash: candidate.blockHash,
          actualHash: receipt.blockHash,
        });
      }
      return receipt.isSuccess;
    })
    .map((candidate) => candidate.transfer);
}

/** The receipt fields a native transfer needs; a transaction in a block has one, so none is an error. */
async function getReceipt(client: RpcClient, txid: string): Promise<{ blockHash: `0x${string}`; isSuccess: boolean }> {
  const raw = (await client.request({ method: 'eth_getTransactionReceipt', params: [txid] })) as {
    blockHash?: unknown;
    status?: unknown;
  } | null;
  if (raw === null || typeof raw !== 'object' || typeof raw.blockHash !== 'string')
    throw new Error(`the RPC node has no receipt for ${txid} yet`);
  // `status` is 1 for success since Byzantium (a quantity, so `0x1`; a padded `0x01` is read the
  // same); an older receipt has none and is not counted.
  const isSuccess = typeof raw.status === 'string' && /^0x0*1$/i.test(raw.status);
  return { blockHash: raw.blockHash as `0x${string}`, isSuccess };
}
