/** A native-coin candidate as TRON's JSON-RPC shows it: any contract type's `to` and `value` alike. */
export type TronRpcTransaction = {
  readonly hash: `0x${string}`;
  readonly from: `0x${string}`;
  /** Lower-case; null when the first contract names no recipient. */
  readonly to: `0x${string}` | null;
  readonly value: bigint;
};

/** A block as the TRON reader uses it. */
export type TronBlock = {
  readonly number: bigint;
  /** TRON's block id (its first 8 bytes are the height). */
  readonly hash: `0x${string}`;
  readonly parentHash: `0x${string}`;
  /** Empty when the block was read without its transactions. */
  readonly transactions: readonly TronRpcTransaction[];
};

const HASH = /^0x[0-9a-fA-F]{64}$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const QUANTITY = /^0x[0-9a-fA-F]{1,64}$/;

/**
 * Reads an `eth_getBlockByNumber` answer of java-tron's JSON-RPC (null: no such block yet). Only
 * the fields the watcher needs are read, and each is checked: a node answering with something else
 * fails the scan (which is retried) instead of turning junk into a payment or a missed block.
 */
export function parseTronBlock(raw: unknown): TronBlock | null {
  if (raw === null) return null;
  const block = asRecord(raw, 'block');
  const transactions = block.transactions;
  if (!Array.isArray(transactions)) throw new TypeError('TRON block: transactions is not an array');
  return {
    number: BigInt(field(block, 'number', QUANTITY, 'block')),
    hash: field(block, 'hash', HASH, 'block').toLowerCase() as `0x${string}`,
    parentHash: field(block, 'parentHash', HASH, 'block').toLowerCase() as `0x${string}`,
    // Hashes alone when read without transactions: nothing to look at.
    transactions: transactions.flatMap((tx) => (typeof tx === 'string' ? [] : [parseTransaction(tx)])),
  };
}

function parseTransaction(raw: unknown): TronRpcTransaction {
  const tx = asRecord(raw, 'transaction');
  const to = tx.to === null || tx.to === undefined ? null : field(tx, 'to', ADDRESS, 'transaction');
  return {
    hash: field(tx, 'hash', HASH, 'transaction').toLowerCase() as `0x${string}`,
    from: field(tx, 'from', ADDRESS, 'transaction').toLowerCase() as `0x${string}`,
    to: to === null ? null : (to.toLowerCase() as `0x${string}`),
    value: BigInt(field(tx, 'value', QUANTITY, 'transaction')),
  };
}

function asRecord(raw: unknown, what: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new TypeError(`TRON ${what}: not an object (${JSON.stringify(raw)?.slice(0, 80)})`);
  }
  return raw as Record<string, unknown>;
}

function field(record: Record<string, unknown>, name: string, form: RegExp, what: string): string {
  const value = record[name];
  if (typeof value !== 'string' || !form.test(value)) {
    throw new TypeError(`TRON ${what}: ${name} is ${JSON.stringify(value)?.slice(0, 80)}`);
  }
  return value;
}
