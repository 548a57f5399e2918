import type { IsWatched } from '../../../core/ChainReader.ts';
import type { Network, Transfer } from '../../../core/network.ts';
import { assertBlocksLinked } from '../assertBlocksLinked.ts';
import { ChainReorgedDuringScanError } from '../evm/ChainReorgedDuringScanError.ts';
import { toQuantity } from '../evm/parseQuantity.ts';
import type { EvmLog } from '../evm/parseTransferLog.ts';
import { parseTransferLog, TRANSFER_TOPIC } from '../evm/parseTransferLog.ts';
import { classifyTronTransaction } from './classifyTronTransaction.ts';
import type { TronHttpApi } from './createTronHttpApi.ts';
import { parseTronBlock, type TronBlock } from './parseTronBlock.ts';

/** A JSON-RPC call, as `RpcClient.request` makes it (fallback over URLs, batching). */
export type TronRpcRequest = (args: { method: string; params: unknown[] }) => Promise<unknown>;

export type ScanTronBlockRangeParameters = {
  readonly request: TronRpcRequest;
  readonly httpApi: TronHttpApi;
  readonly network: Network;
  readonly fromBlock: bigint;
  /** Inclusive; not past the head. */
  readonly toBlock: bigint;
  readonly isWatched: IsWatched;
};

/**
 * The transfers into watched addresses in TRON blocks `fromBlock..toBlock`, per block the TRX ones
 * then the TRC-20 ones, and the blocks themselves, ascending and linked.
 *
 * TRC-20 transfers are the `Transfer` logs of the listed contracts, asked per block by its hash
 * (EIP-234): java-tron's blocks carry an all-zero `logsBloom`, so the cross-check the EVM scan
 * makes of a range query against the blooms is impossible, and a query by hash cannot answer from
 * another fork. A TRX candidate (a transaction whose `to` is watched, with a `value`) is a payment
 * only once the node's HTTP API says it is a successful `TransferContract`: JSON-RPC shows TRC-10
 * transfers, votes and freezes with the same `to` and `value`.
 *
 * Throws {@link ChainReorgedDuringScanError} when the reads disagree about the chain, and any
 * error of the node: the caller retries the range, so nothing is dropped on a bad answer.
 */
export async function scanTronBlockRange(p: ScanTronBlockRangeParameters): Promise<{
  transfers: Transfer[];
  blocks: TronBlock[];
}> {
  const { request, network, fromBlock, toBlock } = p;
  if (fromBlock < 0n || toBlock < fromBlock) throw new RangeError(`invalid block range ${fromBlock}..${toBlock}`);
  const contracts = network.tokens.flatMap((t) => (t.contract === null ? [] : [t.contract.toLowerCase()]));
  const hasTrx = network.tokens.some((t) => t.contract === null);
  const numbers: bigint[] = [];
  for (let n = fromBlock; n <= toBlock; n += 1n) numbers.push(n);
  // Issued in one tick: the client sends them as one JSON-RPC batch.
  const rawBlocks = await Promise.all(
    numbers.map((n) => request({ method: 'eth_getBlockByNumber', params: [toQuantity(n), hasTrx] })),
  );
  const blocks = rawBlocks.map((raw, i) => {
    const block = parseTronBlock(raw);
    // Asked for a range the node said it had: a node behind the others answered; retry.
    if (block === null) throw new Error(`TRON node has no block ${numbers[i]} (behind the head it reported?)`);
    return block;
  });
  assertBlocksLinked(blocks);
  const [trx, tokens] = await Promise.all([
    hasTrx ? readTrxTransfers(p, blocks) : [],
    contracts.length > 0 ? readTokenTransfers(p, blocks, contracts) : [],
  ]);
  const byBlock = (n: bigint) => [...trx, ...tokens].filter((t) => t.blockNumber === n);
  return { transfers: blocks.flatMap((b) => byBlock(b.number)), blocks };
}

async function readTrxTransfers(p: ScanTronBlockRangeParameters, blocks: readonly TronBlock[]): Promise<Transfer[]> {
  const candidates: Transfer[] = blocks.flatMap((block) =>
    block.transactions.flatMap((tx) =>
      tx.to === null || tx.value === 0n || !p.isWatched(tx.to)
        ? []
        : [
            {
              networkKey: p.network.key,
              txid: tx.hash,
              logIndex: -1,
              blockNumber: block.number,
              blockHash: block.hash,
              from: tx.from,
              to: tx.to,
              contract: null,
              amount: tx.value,
            },
          ],
    ),
  );
  // Only candidates cost an HTTP call: the cost follows payments, not traffic.
  const classes = await Promise.all(
    candidates.map(async (c) => classifyTronTransaction(await p.httpApi.getTransactionById(c.txid))),
  );
  return candidates.filter((candidate, i) => {
    const found = classes[i];
    if (found?.kind !== 'trx') return false;
    if (found.to !== candidate.to) {
      throw new Error(`TRON HTTP API and JSON-RPC disagree on the recipient of ${candidate.txid}`);
    }
    return true;
  });
}

async function readTokenTransfers(
  p: ScanTronBlockRangeParameters,
  blocks: readonly TronBlock[],
  contracts: readonly string[],
): Promise<Transfer[]> {
  const listed = new Set(contracts);
  const answers = await Promise.all(blocks.map((block) => getBlockLogs(p, block, contracts)));
  return blocks.flatMap((block, i) => {
    const logs = answers[i];
    if (!Array.isArray(logs)) throw new TypeError(`TRON eth_getLogs answered ${JSON.stringify(logs)?.slice(0, 80)}`);
    return (logs as EvmLog[]).flatMap((log) => {
      if (log.blockHash?.toLowerCase() !== block.hash) {
        throw new ChainReorgedDuringScanError({
          blockNumber: block.number,
          expectedHash: block.hash,
          actualHash: (log.blockHash ?? '0x') as `0x${string}`,
        });
      }
      const transfer = parseTransferLog(log, p.network.key, p.isWatched);
      // A node that ignored the address filter must not turn another token into a payment.
      return transfer !== null && listed.has(transfer.contract ?? '') ? [{ ...transfer, blockHash: block.hash }] : [];
    });
  });
}

/**
 * The listed contracts' `Transfer` logs of one block, asked by its hash. A node answers an error,
 * not `[]`, for a hash it does not have (java-tron: "invalid blockHash"): when the height holds
 * another block by now, that is a reorg since the block was read, and is reported as one (not as
 * the node failing, which it did not).
 */
async function getBlockLogs(
  p: ScanTronBlockRangeParameters,
  block: TronBlock,
  contracts: readonly string[],
): Promise<unknown> {
  try {
    return await p.request({
      method: 'eth_getLogs',
      params: [{ address: contracts, topics: [TRANSFER_TOPIC], blockHash: block.hash }],
    });
  } catch (error) {
    const now = parseTronBlock(
      await p.request({ method: 'eth_getBlockByNumber', params: [toQuantity(block.number), false] }),
    );
    if (now?.hash === block.hash) throw error;
    throw new ChainReorgedDuringScanError({
      blockNumber: block.number,
      expectedHash: block.hash,
      actualHash: now?.hash ?? '0x',
    });
  }
}
