import type { SweepAsset, SweepDust, SweepHex } from './SweepPlan.ts';

/** A configured token's live balance at one address. */
export type TokenBalance = {
  readonly contract: SweepHex;
  readonly symbol: string;
  readonly decimals: number;
  readonly amount: bigint;
};

/** A token balance a sweep moves: a {@link SweepAsset} that is never the native coin. */
export type TokenAsset = SweepAsset & { readonly contract: SweepHex };

export type SplitTokenDustParameters = {
  readonly address: SweepHex;
  readonly index: number;
  readonly balances: readonly TokenBalance[];
  /** Per lower-case contract: balances below it (base units) are dust; absent: 0, nothing is dust. */
  readonly thresholds: ReadonlyMap<string, bigint>;
};

export type SplitTokenDustReturnType = {
  /** Balances at or above their threshold, in the order given. */
  readonly tokens: readonly TokenAsset[];
  /** Non-zero balances below their threshold (`below-threshold`). Zero balances are in neither list. */
  readonly dust: readonly SweepDust[];
};

/**
 * Splits one address's token balances into what a sweep moves and the dust it leaves.
 *
 * @example
 * splitTokenDust({ address, index: 3, balances: [{ contract: usdt, symbol: 'USDT', decimals: 6, amount: 5n }], thresholds: new Map([[usdt.toLowerCase(), 10n]]) });
 * // { tokens: [], dust: [{ address, index: 3, contract: usdt, symbol: 'USDT', amount: '5', reason: 'below-threshold' }] }
 */
export function splitTokenDust({
  address,
  index,
  balances,
  thresholds,
}: SplitTokenDustParameters): SplitTokenDustReturnType {
  const tokens: TokenAsset[] = [];
  const dust: SweepDust[] = [];
  for (const { contract, symbol, decimals, amount } of balances) {
    if (amount <= 0n) continue;
    const threshold = thresholds.get(contract.toLowerCase()) ?? 0n;
    if (amount >= threshold) tokens.push({ contract, symbol, decimals, amount: amount.toString() });
    else dust.push({ address, index, contract, symbol, amount: amount.toString(), reason: 'below-threshold' });
  }
  return { tokens, dust };
}
