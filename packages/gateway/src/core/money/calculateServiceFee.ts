import type { Decimal } from './Decimal.ts';

/**
 * The service fee on a paid amount: `floor(amount * feeRate)`, rounded DOWN in the merchant's
 * favour as spec §10 requires. `feeRate` is a fraction (`0.005` is 0.5 %).
 *
 * Preconditions (throws `RangeError`): `amount >= 0`, `feeRate >= 0`.
 *
 * @example
 * calculateServiceFee(1_000_001n, { units: 5n, scale: 3 }) // 5000n
 */
export function calculateServiceFee(amount: bigint, feeRate: Decimal): bigint {
  if (amount < 0n) throw new RangeError('amount must not be negative');
  if (feeRate.units < 0n) throw new RangeError('feeRate must not be negative');
  // Both operands are non-negative, so bigint division (truncation) is the floor.
  return (amount * feeRate.units) / 10n ** BigInt(feeRate.scale);
}
