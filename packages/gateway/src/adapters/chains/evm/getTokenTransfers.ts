import type { Transfer } from '../../../core/network.ts';
import { ChainReorgedDuringScanError } from './ChainReorgedDuringScanError.ts';
import type { RpcClient } from './createRpcClient.ts';
import { mayHoldTokenTransfer } from './mayHoldTokenTransfer.ts';
import { toQuantity } from './parseQuantity.ts';
import { type EvmLog, parseTransferLog, TRANSFER_TOPIC } from './parseTransferLog.ts';

type Hex = `0x${string}`;

/** What the token scan needs of each block header. */
export type BlockHeader = { readonly number: bigint; readonly hash: Hex; readonly logsBloom: Hex };

export type GetTokenTransfersParameters = {
  readonly client: RpcClient;
  /** Lower-case; not empty. */
  readonly tokenContracts: `0x${string}`[];
  /** Consecutive, ascending. */
  readonly blocks: readonly BlockHeader[];
  readonly networkKey: string;
  readonly isWatched: (lowercaseAddress: `0x${string}`) => boolean;
};

/**
 * The token transfers to watched addresses in the blocks, in chain order. Every log the node sends
 * is checked to belong to a block read (whether or not it pays us), so no answer from another fork
 * goes unnoticed. Logs come raw (`eth_getLogs` through `client.request`), not through viem's
 * `getLogs`: at thousands of logs per block, formatting and ABI-decoding each one cost far more
 * than the RPC call, while {@link parseTransferLog} decodes only those paying a watched address.
 */
export async function getTokenTransfers({
  client,
  tokenContracts,
  blocks,
  networkKey,
  isWatched,
}: GetTokenTransfersParameters): Promise<Transfer[]> {
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  if (first === undefined || last === undefined) return [];
  // The same node-side filter viem's getLogs sent: the listed contracts, topic0 = Transfer.
  const filter = { address: tokenContracts, topics: [TRANSFER_TOPIC] };
  // EIP-234: logs of exactly this block hash, so they cannot come from another fork.
  const getLogsOfBlock = async (hash: Hex) =>
    (await client.request({ method: 'eth_getLogs', params: [{ ...filter, blockHash: hash }] })) as EvmLog[];
  const blockByNumber = new Map(blocks.map((b) => [b.number, b]));
  const listedContracts = new Set<string>(tokenContracts);
  const blocksWithLogs = new Set<bigint>();
  const transfers: Transfer[] = [];
  const collect = (logs: readonly EvmLog[]) => {
    for (const log of logs) {
      if (log.removed) continue;
      if (log.blockNumber === null || log.blockHash === null) {
        throw new Error(`eth_getLogs returned a pending log for blocks ${first.number}..${last.number}`);
      }
      const blockNumber = BigInt(log.blockNumber);
      const block = blockByNumber.get(blockNumber);
      if (block === undefined) {
        throw new Error(`eth_getLogs returned block ${blockNumber}, outside ${first.number}..${last.number}`);
      }
      // Both hashes come from the node as written, so equal strings are the rule; the case-blind
      // comparison runs only on a mismatch and keeps a node that writes upper-case hex working.
      if (log.blockHash !== block.hash && log.blockHash.toLowerCase() !== block.hash.toLowerCase()) {
        throw new ChainReorgedDuringScanError({ blockNumber, expectedHash: block.hash, actualHash: log.blockHash });
      }
      blocksWithLogs.add(block.number);
      const transfer = parseTransferLog(log, networkKey, isWatched);
      // A node that ignored the address filter must not turn another token into a payment.
      if (transfer !== null && listedContracts.has(transfer.contract ?? '')) transfers.push(transfer);
    }
  };

  if (first === last) {
    collect(await getLogsOfBlock(first.hash));
    return transfers;
  }
  collect(
    (await client.request({
      method: 'eth_getLogs',
      params: [{ ...filter, fromBlock: toQuantity(first.number), toBlock: toQuantity(last.number) }],
    })) as EvmLog[],
  );
  // A range query can also silently miss a block the answering node has not seen or has reorged
  // away (load-balanced RPCs answer from different nodes). Any block whose bloom says it may hold
  // one of our transfers but got no log is re-read by hash; with true blooms this is rare.
  const doubtful = blocks.filter(
    (b) => !blocksWithLogs.has(b.number) && mayHoldTokenTransfer(b.logsBloom, tokenContracts),
  );
  if (doubtful.length === 0) return transfers;
  for (const logs of await Promise.all(doubtful.map((b) => getLogsOfBlock(b.hash)))) collect(logs);
  return transfers.sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );
}
