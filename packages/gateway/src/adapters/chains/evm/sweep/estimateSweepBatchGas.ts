export type EstimateSweepBatchGasParameters = {
  /** Addresses in the batch that sign a fresh EIP-7702 authorization. */
  readonly authorizations: number;
  /** Addresses the batch sweeps (each one `sweep` call). */
  readonly addresses: number;
  /** Token balances moved, summed over the batch's addresses. */
  readonly tokenTransfers: number;
  /** Addresses whose native balance moves. */
  readonly nativeTransfers: number;
  /**
   * Different token contracts in the batch. Each may be the destination's first receipt of that
   * token (a zero-to-nonzero storage write). Absent: assumed every transfer is a different token,
   * which is safe but prices each transfer about twice as high.
   */
  readonly distinctTokens?: number;
};

// Figures measured with eth_estimateGas (the least gas limit that succeeds, so refunds and the
// 63/64 rule of the nested calls are included) on anvil's default hardfork, KassaTestToken as the
// token, batches of 5 and 40 addresses with 0–3 tokens, with and without native coin, fresh and
// already delegated; per-address slopes between the two sizes:
//   fresh, 1 token: 37,639; fresh, native only: 35,208; delegated, 1 token: 15,139;
//   each further token: +9,916..10,399; native on top of tokens: +7,984..8,472;
//   intercepts (fixed part of a batch) 26,003..64,181 with the tokens' first receipt included.
// First receipts: a token the destination never held costs +17,371 (zero-to-nonzero balance);
// the first native coin to a destination with none costs +25,397 (a new account).
// Each figure below is rounded up; the formula came out 13–29% above every measured batch (up to
// 59% for a small batch of delegated addresses into a destination that already holds everything).
const TRANSACTION_GAS = 21_000n;
const BATCH_FIXED_GAS = 10_000n;
/** PER_EMPTY_ACCOUNT_COST of EIP-7702, charged in full up front whether or not refunded. */
const AUTHORIZATION_GAS = 25_000n;
const ADDRESS_GAS = 6_000n;
const TOKEN_TRANSFER_GAS = 11_500n;
const NATIVE_TRANSFER_GAS = 9_500n;
const FIRST_TOKEN_RECEIPT_GAS = 22_000n;
const FIRST_NATIVE_RECEIPT_GAS = 27_600n;

/**
 * A gas limit for one `sweepMany` batch transaction, never below what it uses: `plan` sizes its
 * batches and the gas wallet's worst-case cost with it. Measured with KassaTestToken: a token
 * whose `transfer` costs more (proxies, blocklists) needs the difference added.
 *
 * @example
 * const gasLimit = estimateSweepBatchGas({ authorizations: 10, addresses: 10, tokenTransfers: 10, nativeTransfers: 3, distinctTokens: 1 });
 */
export function estimateSweepBatchGas(parameters: EstimateSweepBatchGasParameters): bigint {
  const { authorizations, addresses, tokenTransfers, nativeTransfers } = parameters;
  const distinctTokens = parameters.distinctTokens ?? tokenTransfers;
  for (const [name, value] of Object.entries({
    authorizations,
    addresses,
    tokenTransfers,
    nativeTransfers,
    distinctTokens,
  })) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
  return (
    TRANSACTION_GAS +
    BATCH_FIXED_GAS +
    AUTHORIZATION_GAS * BigInt(authorizations) +
    ADDRESS_GAS * BigInt(addresses) +
    TOKEN_TRANSFER_GAS * BigInt(tokenTransfers) +
    NATIVE_TRANSFER_GAS * BigInt(nativeTransfers) +
    FIRST_TOKEN_RECEIPT_GAS * BigInt(Math.min(distinctTokens, tokenTransfers)) +
    (nativeTransfers > 0 ? FIRST_NATIVE_RECEIPT_GAS : 0n)
  );
}
