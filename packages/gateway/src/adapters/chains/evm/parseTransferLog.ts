import type { Transfer } from '../../../core/network.ts';
import { parseQuantity } from './parseQuantity.ts';

/** topic0 of `Transfer(address indexed from, address indexed to, uint256 value)`; ERC-721 shares it. */
type Hex = `0x${string}`;

/** A log as `eth_getLogs` answers it; `null` fields only on a pending log. */
export type EvmLog = {
  readonly address: Hex;
  readonly topics: readonly Hex[];
  readonly data: Hex;
  readonly blockNumber: Hex | null;
  readonly blockHash: Hex | null;
  readonly logIndex: Hex | null;
  readonly transactionHash: Hex | null;
  readonly removed?: boolean;
};

/** keccak256 of `Transfer(address,address,uint256)`: topic 0 of every ERC-20 and TRC-20 transfer. */
export const TRANSFER_TOPIC: Hex = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

/** `0x` and 64 hex digits: one 32-byte word, the size of every topic and of an ERC-20 value. */
const WORD_HEX_LENGTH = 66;

/**
 * The ERC-20 transfer a raw `eth_getLogs` entry records, or null when it is not a transfer to a
 * watched address. It runs on every log of a busy token (thousands per block), so it reads the
 * recipient straight from its topic and asks `isWatched` before decoding anything else: viem's
 * `getLogs` decoded every log and took ten times as long as the RPC call itself.
 *
 * Null also for what viem's strict decoding dropped: a removed log, another event, an ERC-721
 * Transfer (same topic0 but the token id as a fourth topic and no data), or data that is not
 * exactly one 32-byte word.
 *
 * @example
 * const transfer = parseTransferLog(log, 'ETH', (address) => depositAddresses.has(address));
 */
export function parseTransferLog(
  log: EvmLog,
  networkKey: string,
  isWatched: (lowercaseAddress: `0x${string}`) => boolean,
): Transfer | null {
  if (log.removed || log.topics.length !== 3 || log.data.length !== WORD_HEX_LENGTH) return null;
  const [selector, fromTopic, toTopic] = log.topics as [Hex, Hex, Hex];
  if (selector !== TRANSFER_TOPIC || fromTopic.length !== WORD_HEX_LENGTH || toTopic.length !== WORD_HEX_LENGTH) {
    return null;
  }
  // An indexed address is left-padded to 32 bytes: it is the last 40 hex digits.
  const to = `0x${toTopic.slice(-40).toLowerCase()}` as const;
  if (!isWatched(to)) return null;
  const { blockNumber, blockHash, logIndex, transactionHash } = log;
  if (blockNumber === null || blockHash === null || logIndex === null || transactionHash === null) {
    // Only a pending log lacks these, and a scan asks for mined blocks: a node sending one is
    // broken, and dropping the log could lose a payment for good, so the scan fails and is retried.
    throw new Error(`eth_getLogs returned a pending Transfer log to ${to}`);
  }
  return {
    networkKey,
    txid: transactionHash,
    logIndex: Number(parseQuantity(logIndex, 'log index')),
    blockNumber: parseQuantity(blockNumber, 'log block number'),
    blockHash,
    from: `0x${fromTopic.slice(-40).toLowerCase()}`,
    to,
    contract: log.address.toLowerCase() as `0x${string}`,
    amount: parseQuantity(log.data, 'transfer amount'),
  };
}
