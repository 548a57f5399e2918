import type { Decimal } from './Decimal.ts';

/**
 * Converts a USD amount to token base units at `rate` (USD per whole token), rounding UP:
 * the result is what the payer owes, so it never falls short of the USD amount.
 * `token/rate`'s `value` and every quote's `order_amount` come from here.
 *
 * Preconditions (a violation is a caller bug and throws `RangeError`): `amountUsd` is
 * non-negative, `rate` is greater than zero (a rate source must refuse a zero price before a
 * quote is made), `decimals` is a non-negative integer.
 *
 * @example
 * convertUsdAmountToToken({ units: 1000n, scale: 2 }, { units: 3582n, scale: 4 }, 6) // 27917365n
 */
export function convertUsdAmountToToken(amountUsd: Decimal, rate: Decimal, decimals: number): bigint {
  if (amountUsd.units < 0n) throw new RangeError('amountUsd must not be negative');
  if (rate.units <= 0n) throw new RangeError('rate must be greater than zero');
  if (!Number.isInteger(decimals) || decimals < 0) {
    throw new RangeError(`decimals must be a non-negative integer, got ${decimals}`);
  }
  // tokens = (amountUnits / 10^amountScale) / (rateUnits / 10^rateScale) * 10^decimals
  const numerator = amountUsd.units * 10n ** BigInt(rate.scale + decimals);
  const denominator = rate.units * 10n ** BigInt(amountUsd.scale);
  return divideRoundingUp(numerator, denominator);
}

/** Ceiling division for a non-negative numerator and a positive denominator. */
function divideRoundingUp(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  return quotient * denominator === numerator ? quotient : quotient + 1n;
}
