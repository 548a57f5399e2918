import type { PlannedTransaction, SweepHex } from './SweepPlan.ts';

/** A token balance the address sends itself, with the gas its `transfer` needs. */
export type TopUpTokenTransfer = {
  readonly contract: SweepHex;
  /** Base units: the whole balance. */
  readonly amount: bigint;
  readonly gasLimit: bigint;
};

export type PlanTopUpAddressParameters = {
  /** The address's transaction count: its first transaction's nonce. */
  readonly nonce: number;
  /** Live native balance, wei. */
  readonly native: bigint;
  /** Native below this (wei) is not worth sending. */
  readonly nativeThreshold: bigint;
  /** Token balances at or above their dust threshold. */
  readonly tokens: readonly TopUpTokenTransfer[];
  /** Gas of a plain native transfer to the destination (21000 for an EOA). */
  readonly nativeGasLimit: bigint;
  /** Legacy gas price of every transaction: each fee is gasLimit × gasPrice, exact to the wei. */
  readonly gasPrice: bigint;
  readonly destination: SweepHex;
};

export type PlanTopUpAddressReturnType = {
  /** Wei the gas wallet sends first; 0n when the address pays its own gas. */
  readonly topUp: bigint;
  /** Token transfers, then the native sweep if any, nonces consecutive from `nonce`. */
  readonly transactions: readonly PlannedTransaction[];
  /** Most wei the address's own transactions pay in fees (their gas limits × gasPrice). */
  readonly depositFees: bigint;
  /** Native coin the plan leaves at the address (not counting refunds of unused gas), and why. */
  readonly leftover: { readonly amount: bigint; readonly reason: 'below-threshold' | 'below-fee' } | null;
};

/**
 * Decides how one deposit address is swept under the top-up strategy: its token transfers, whether
 * its own native coin pays their gas (then the rest, minus the native transfer's fee, goes to the
 * destination) or the gas wallet tops it up with exactly the missing fees.
 *
 * @example
 * planTopUpAddress({ nonce: 0, native: 0n, nativeThreshold: 0n, tokens: [{ contract: usdt, amount: 5n, gasLimit: 34_000n }], nativeGasLimit: 21_000n, gasPrice: 2n, destination });
 * // { topUp: 68_000n, transactions: [{ kind: 'token', nonce: 0, ... }], depositFees: 68_000n, leftover: null }
 */
export function planTopUpAddress(p: PlanTopUpAddressParameters): PlanTopUpAddressReturnType {
  const transactions: PlannedTransaction[] = p.tokens.map((token, i) => ({
    kind: 'token',
    nonce: p.nonce + i,
    to: token.contract,
    contract: token.contract,
    amount: token.amount.toString(),
    gasLimit: token.gasLimit.toString(),
  }));
  const tokenFees = p.tokens.reduce((sum, token) => sum + token.gasLimit * p.gasPrice, 0n);
  const nativeFee = p.nativeGasLimit * p.gasPrice;
  const value = p.native - tokenFees - nativeFee;
  if (value > 0n && value >= p.nativeThreshold) {
    transactions.push({
      kind: 'native',
      nonce: p.nonce + transactions.length,
      to: p.destination,
      contract: null,
      amount: value.toString(),
      gasLimit: p.nativeGasLimit.toString(),
    });
    return { topUp: 0n, transactions, depositFees: tokenFees + nativeFee, leftover: null };
  }
  // The native coin is not sent: it pays what it can of the token fees, the gas wallet the rest.
  const topUp = tokenFees > p.native ? tokenFees - p.native : 0n;
  const left = p.native + topUp - tokenFees;
  return {
    topUp,
    transactions,
    depositFees: tokenFees,
    leftover: left > 0n ? { amount: left, reason: left < p.nativeThreshold ? 'below-threshold' : 'below-fee' } : null,
  };
}
