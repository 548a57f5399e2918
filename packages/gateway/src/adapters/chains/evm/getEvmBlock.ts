import type { RpcClient } from './createRpcClient.ts';
import { parseQuantity, toQuantity } from './parseQuantity.ts';

type Hex = `0x${string}`;

/** A transaction of a block read with its transactions: what a native-coin payment needs. */
export type EvmTransaction = {
  readonly hash: Hex;
  readonly from: Hex;
  readonly to: Hex | null;
  readonly value: bigint;
};

/** A block as the watcher reads it: transaction hashes, or whole transactions when asked for. */
export type EvmBlock = {
  readonly number: bigint;
  readonly hash: Hex;
  readonly parentHash: Hex;
  readonly logsBloom: Hex;
  readonly transactions: readonly (Hex | EvmTransaction)[];
};

const HASH = /^0x[0-9a-fA-F]{64}$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const HEX = /^0x[0-9a-fA-F]*$/;

/**
 * `eth_getBlockByNumber` for a number or the newest block; null when the node has no such block.
 * The answer is checked field by field: a block with a malformed hash or number would otherwise
 * become the cursor's next link.
 */
export async function getEvmBlock(
  rpc: RpcClient,
  block: bigint | 'latest',
  includeTransactions = false,
): Promise<EvmBlock | null> {
  const tag = block === 'latest' ? block : toQuantity(block);
  const raw = await rpc.request({ method: 'eth_getBlockByNumber', params: [tag, includeTransactions] });
  if (raw === null) return null;
  return parseEvmBlock(raw, `block ${tag}`);
}

export function parseEvmBlock(raw: unknown, what: string): EvmBlock {
  if (typeof raw !== 'object' || raw === null) throw new Error(`RPC answer: ${what} is not a block`);
  const b = raw as Record<string, unknown>;
  if (!Array.isArray(b.transactions)) throw new Error(`RPC answer: ${what} has no transaction list`);
  return {
    number: parseQuantity(b.number, `${what} number`),
    hash: expect(b.hash, HASH, `${what} hash`),
    parentHash: expect(b.parentHash, HASH, `${what} parentHash`),
    logsBloom: expect(b.logsBloom, HEX, `${what} logsBloom`),
    transactions: b.transactions.map((tx: unknown, i) =>
      typeof tx === 'string'
        ? expect(tx, HASH, `${what} transaction ${i}`)
        : parseTransaction(tx, `${what} transaction ${i}`),
    ),
  };
}

function parseTransaction(raw: unknown, what: string): EvmTransaction {
  if (typeof raw !== 'object' || raw === null) throw new Error(`RPC answer: ${what} is not a transaction`);
  const tx = raw as Record<string, unknown>;
  return {
    hash: expect(tx.hash, HASH, `${what} hash`),
    from: expect(tx.from, ADDRESS, `${what} from`),
    // A contract creation has no recipient.
    to: tx.to === null || tx.to === undefined ? null : expect(tx.to, ADDRESS, `${what} to`),
    value: parseQuantity(tx.value, `${what} value`),
  };
}

function expect(value: unknown, pattern: RegExp, what: string): Hex {
  if (typeof value !== 'string' || !pattern.test(value))
    throw new Error(`RPC answer: ${what} is malformed (${JSON.stringify(value)?.slice(0, 80)})`);
  return value as Hex;
}
