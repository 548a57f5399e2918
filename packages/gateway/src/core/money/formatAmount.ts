import { formatDecimal } from './Decimal.ts';

/**
 * Formats base units as a canonical decimal string: no exponent, trailing fractional zeros and
 * dot trimmed, a leading `-` for negative values. Throws `RangeError` for invalid `decimals`.
 *
 * @example
 * formatAmount(1050n, 2) // '10.5'
 * formatAmount(0n, 18) // '0'
 */
export function formatAmount(value: bigint, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0) {
    throw new RangeError(`decimals must be a non-negative integer, got ${decimals}`);
  }
  return formatDecimal({ units: value, scale: decimals });
}
