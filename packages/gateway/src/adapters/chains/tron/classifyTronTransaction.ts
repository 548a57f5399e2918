/** What the node's HTTP API says a transaction is, as far as a TRX payment goes. */
export type TronTransactionClass =
  /**
   * A successful TRX transfer (`TransferContract`) to `to` (lower-case 0x hex). Its amount is the
   * JSON-RPC `value`, exact hex there, where this API's JSON number loses digits past 2^53 sun.
   */
  | { readonly kind: 'trx'; readonly to: `0x${string}` }
  /** Anything else: a TRC-10 transfer, a vote, a contract call, or a transfer that failed. */
  | { readonly kind: 'other'; readonly why: string };

// The HTTP API writes addresses as hex with TRON's 0x41 prefix byte unless asked for `visible`.
const HEX_ADDRESS = /^41([0-9a-fA-F]{40})$/;

/**
 * Classifies a `/wallet/gettransactionbyid` answer. TRON's JSON-RPC shows the first contract of a
 * transaction of any type as `to` and `value`: a TRC-10 transfer of 1,000 worthless tokens looks
 * exactly like a transfer of 1,000 sun there, so only this answer tells a TRX payment apart.
 *
 * Throws when the answer cannot be classified (an empty `{}`: the node does not know the
 * transaction yet; no result; no contract): dropping the candidate could lose a payment for good,
 * so the scan fails and is retried.
 */
export function classifyTronTransaction(raw: unknown): TronTransactionClass {
  const tx = raw as {
    txID?: unknown;
    ret?: { contractRet?: unknown }[];
    raw_data?: { contract?: { type?: unknown; parameter?: { value?: Record<string, unknown> } }[] };
  } | null;
  if (typeof tx !== 'object' || tx === null || typeof tx.txID !== 'string') {
    throw new Error(`TRON HTTP API does not know the transaction (answered ${JSON.stringify(raw)?.slice(0, 120)})`);
  }
  const contract = tx.raw_data?.contract?.[0];
  const result = tx.ret?.[0]?.contractRet;
  if (contract === undefined || typeof contract.type !== 'string' || typeof result !== 'string') {
    throw new Error(`TRON HTTP API answered transaction ${tx.txID} without its contract or result`);
  }
  if (contract.type !== 'TransferContract') return { kind: 'other', why: contract.type };
  if (result !== 'SUCCESS') return { kind: 'other', why: `TransferContract ${result}` };
  const value = contract.parameter?.value ?? {};
  const to = typeof value.to_address === 'string' ? HEX_ADDRESS.exec(value.to_address)?.[1] : undefined;
  if (to === undefined) throw new Error(`TRON HTTP API answered transfer ${tx.txID} with a to_address it cannot read`);
  return { kind: 'trx', to: `0x${to.toLowerCase()}` };
}
