import type { Decimal } from './Decimal.ts';

/**
 * Values a token amount (base units) in USD cents at `rate` (USD per whole token), rounding
 * DOWN because it is a credit: `floor(amount / 10^decimals * rate * 100)`.
 *
 * Preconditions (throws `RangeError`): `amount >= 0`, `rate >= 0`, `decimals` a non-negative
 * integer.
 *
 * @example
 * convertTokenToUsdCents(1_500_000_000_000_000_000n, { units: 315027n, scale: 2 }, 18) // 472540n
 */
export function convertTokenToUsdCents(amount: bigint, rate: Decimal, decimals: number): bigint {
  if (amount < 0n) throw new RangeError('amount must not be negative');
  if (rate.units < 0n) throw new RangeError('rate must not be negative');
  if (!Number.isInteger(decimals) || decimals < 0) {
    throw new RangeError(`decimals must be a non-negative integer, got ${decimals}`);
  }
  // Both operands are non-negative, so bigint division (truncation) is the floor.
  return (amount * rate.units * 100n) / 10n ** BigInt(decimals + rate.scale);
}
