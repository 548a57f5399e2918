import { convertUsdAmountToToken } from './convertUsdAmountToToken.ts';
import type { Decimal } from './Decimal.ts';

/**
 * Converts a USD price in cents to token base units at `rate` (USD per whole token), rounding
 * UP because the payer owes it: `ceil(usdCents / 100 / rate * 10^decimals)`.
 *
 * Preconditions (throws `RangeError`): `usdCents >= 0`, `rate > 0`, `decimals` a non-negative
 * integer.
 *
 * @example
 * convertUsdToToken(1999n, { units: 1n, scale: 0 }, 6) // 19990000n (19.99 USDT)
 */
export function convertUsdToToken(usdCents: bigint, rate: Decimal, decimals: number): bigint {
  return convertUsdAmountToToken({ units: usdCents, scale: 2 }, rate, decimals);
}
