import type { Decimal } from './Decimal.ts';

/** A token's price and precision, as locked in a quote. */
export type TokenPricing = {
  /** USD per whole token. */
  readonly rate: Decimal;
  readonly decimals: number;
};

/**
 * Converts an amount of one token into another by their USD rates, rounding DOWN (a payment
 * in an older quote's coin is credited toward the newest quote, and credits round down).
 * Exact: there is no intermediate rounding to cents, so equal pricing is the identity.
 *
 * Preconditions (throws `RangeError`): `amount >= 0`, `from.rate >= 0`, `to.rate > 0`,
 * decimals non-negative integers.
 *
 * @example
 * // 0.01 ETH at 3150.27 USD, counted in USDC (6 decimals) at 1 USD
 * convertBetweenTokens(10n ** 16n, { rate: { units: 315027n, scale: 2 }, decimals: 18 },
 *   { rate: { units: 1n, scale: 0 }, decimals: 6 }) // 31502700n
 */
export function convertBetweenTokens(amount: bigint, from: TokenPricing, to: TokenPricing): bigint {
  if (amount < 0n) throw new RangeError('amount must not be negative');
  if (from.rate.units < 0n) throw new RangeError('from.rate must not be negative');
  if (to.rate.units <= 0n) throw new RangeError('to.rate must be greater than zero');
  for (const decimals of [from.decimals, to.decimals]) {
    if (!Number.isInteger(decimals) || decimals < 0) {
      throw new RangeError(`decimals must be a non-negative integer, got ${decimals}`);
    }
  }
  // usd = amount / 10^fromDecimals * fromUnits / 10^fromScale
  // result = usd / (toUnits / 10^toScale) * 10^toDecimals
  const numerator = amount * from.rate.units * 10n ** BigInt(to.rate.scale + to.decimals);
  const denominator = to.rate.units * 10n ** BigInt(from.rate.scale + from.decimals);
  // Both operands are non-negative, so bigint division (truncation) is the floor.
  return numerator / denominator;
}
