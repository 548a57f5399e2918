import { type Hash, type Hex, hexToBytes, keccak256, numberToHex, type RpcLog } from 'viem';
import type { Network, Transfer } from '../../../core/network.ts';
import { ChainReorgedDuringScanError } from './ChainReorgedDuringScanError.ts';
import type { ChainClient } from './createChainClient.ts';
import { parseTransferLog, TRANSFER_TOPIC } from './parseTransferLog.ts';

export type ScanBlockRangeParameters = {
  readonly client: ChainClient;
  readonly network: Network;
  readonly fromBlock: bigint;
  /**
   * Inclusive; must not be past the chain head. Keep ranges modest (tens of blocks on busy
   * chains): RPCs cap getLogs ranges and result counts, and every block is read in full.
   */
  readonly toBlock: bigint;
  /** Hash-set lookup of a lower-cased address; called once per candidate transfer. */
  readonly isWatched: (lowercaseAddress: `0x${string}`) => boolean;
};

export type ScannedBlock = {
  readonly number: bigint;
  readonly hash: Hash;
  readonly parentHash: Hash;
};

export type ScanBlockRangeReturnType = {
  /** Transfers to watched addresses, in chain order (per block: native ones, then token logs). */
  readonly transfers: Transfer[];
  /** Every block of the range, ascending, each the parent of the next. */
  readonly blocks: ScannedBlock[];
};

/**
 * Reads the transfers into watched addresses from blocks `fromBlock..toBlock`: ERC-20 `Transfer`
 * logs of the network's token contracts (one `eth_getLogs` filtered by contract and topic on the
 * node: bench/scan-filters.ts measured it about 100 times faster than fetching every log of the
 * range and filtering here, at 9,000 transfers per block), and native-coin transfers
 * from each block's transactions (only when the network lists its native coin). The cost grows
 * with the chain's traffic, never with the number of watched addresses.
 *
 * Native coin sent by a contract (an internal transaction, e.g. from a multisig or an exchange's
 * batch payout) leaves no transaction `to`/`value` and no log, so it is NOT seen; finding it needs
 * execution traces, which most hosted RPCs do not offer.
 *
 * Throws {@link ChainReorgedDuringScanError} when the reads disagree about the chain (a reorg or
 * RPC nodes at different heads between calls); the caller retries the range.
 */
export async function scanBlockRange({
  client,
  network,
  fromBlock,
  toBlock,
  isWatched,
}: ScanBlockRangeParameters): Promise<ScanBlockRangeReturnType> {
  if (fromBlock < 0n || toBlock < fromBlock) {
    throw new RangeError(`invalid block range ${fromBlock}..${toBlock}`);
  }
  const tokenContracts = network.tokens.flatMap((token) =>
    token.contract === null ? [] : [token.contract.toLowerCase() as `0x${string}`],
  );
  const hasNativeCoin = network.tokens.some((token) => token.contract === null);

  const blockNumbers: bigint[] = [];
  for (let n = fromBlock; n <= toBlock; n += 1n) blockNumbers.push(n);
  // Issued in one tick, so the client's batching sends them as one HTTP request.
  const rawBlocks = await Promise.all(
    blockNumbers.map((blockNumber) => client.getBlock({ blockNumber, includeTransactions: hasNativeCoin })),
  );
  const blocks: ScannedBlock[] = rawBlocks.map((b) => ({ number: b.number, hash: b.hash, parentHash: b.parentHash }));
  for (let i = 1; i < blocks.length; i += 1) {
    const parent = blocks[i - 1] as ScannedBlock;
    const block = blocks[i] as ScannedBlock;
    if (block.parentHash !== parent.hash) {
      throw new ChainReorgedDuringScanError({
        blockNumber: parent.number,
        expectedHash: parent.hash,
        actualHash: block.parentHash,
      });
    }
  }

  const transfersByBlock = new Map<bigint, Transfer[]>(blocks.map((b) => [b.number, []]));

  if (hasNativeCoin) {
    const candidates: { transfer: Transfer; blockHash: Hash }[] = [];
    for (const block of rawBlocks) {
      for (const tx of block.transactions) {
        if (typeof tx === 'string' || tx.to === null || tx.value === 0n) continue;
        const to = tx.to.toLowerCase() as `0x${string}`;
        if (!isWatched(to)) continue;
        candidates.push({
          blockHash: block.hash,
          transfer: {
            networkKey: network.key,
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
    const receipts = await Promise.all(candidates.map((c) => client.getTransactionReceipt({ hash: c.transfer.txid })));
    candidates.forEach((candidate, i) => {
      const receipt = receipts[i];
      if (receipt === undefined) return;
      if (receipt.blockHash !== candidate.blockHash) {
        throw new ChainReorgedDuringScanError({
          blockNumber: candidate.transfer.blockNumber,
          expectedHash: candidate.blockHash,
          actualHash: receipt.blockHash,
        });
      }
      if (receipt.status === 'success') transfersByBlock.get(candidate.transfer.blockNumber)?.push(candidate.transfer);
    });
  }

  if (tokenContracts.length > 0) {
    const tokenTransfers = await getTokenTransfers(client, tokenContracts, rawBlocks, network.key, isWatched);
    for (const transfer of tokenTransfers) transfersByBlock.get(transfer.blockNumber)?.push(transfer);
  }

  return { transfers: blocks.flatMap((b) => transfersByBlock.get(b.number) ?? []), blocks };
}

type RawBlock = { readonly number: bigint; readonly hash: Hash; readonly logsBloom: Hex };

/**
 * The token transfers to watched addresses in the blocks, in chain order. Every log the node sends
 * is checked to belong to a block read (whether or not it pays us), so no answer from another fork
 * goes unnoticed. Logs come raw (`eth_getLogs` through `client.request`), not through viem's
 * `getLogs`: at thousands of logs per block, formatting and ABI-decoding each one cost far more
 * than the RPC call, while {@link parseTransferLog} decodes only those paying a watched address.
 */
async function getTokenTransfers(
  client: ChainClient,
  tokenContracts: `0x${string}`[],
  blocks: readonly RawBlock[],
  networkKey: string,
  isWatched: (lowercaseAddress: `0x${string}`) => boolean,
): Promise<Transfer[]> {
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  if (first === undefined || last === undefined) return [];
  // The same node-side filter viem's getLogs sent: the listed contracts, topic0 = Transfer.
  const filter = { address: tokenContracts, topics: [TRANSFER_TOPIC] };
  // EIP-234: logs of exactly this block hash, so they cannot come from another fork.
  const getLogsOfBlock = (hash: Hash) =>
    client.request({ method: 'eth_getLogs', params: [{ ...filter, blockHash: hash }] });
  const blockByNumber = new Map(blocks.map((b) => [b.number, b]));
  const listedContracts = new Set<string>(tokenContracts);
  const blocksWithLogs = new Set<bigint>();
  const transfers: Transfer[] = [];
  const collect = (logs: readonly RpcLog[]) => {
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
    await client.request({
      method: 'eth_getLogs',
      params: [{ ...filter, fromBlock: numberToHex(first.number), toBlock: numberToHex(last.number) }],
    }),
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

function mayHoldTokenTransfer(logsBloom: Hex, tokenContracts: readonly `0x${string}`[]): boolean {
  const bloom = hexToBytes(logsBloom);
  if (bloom.length !== 256) return true;
  return isInBloom(bloom, TRANSFER_TOPIC) && tokenContracts.some((contract) => isInBloom(bloom, contract));
}

/** Yellow paper §4.3.1: three 11-bit indexes from the first six bytes of the keccak hash. */
function isInBloom(bloom: Uint8Array, value: Hex): boolean {
  const hash = hexToBytes(keccak256(value));
  for (let i = 0; i < 6; i += 2) {
    const bit = (((hash[i] ?? 0) << 8) | (hash[i + 1] ?? 0)) & 2047;
    if (((bloom[255 - (bit >> 3)] ?? 0) & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}
