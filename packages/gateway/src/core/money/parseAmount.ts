export type ParseAmountResult =
  | { readonly ok: true; readonly value: bigint }
  | { readonly ok: false; readonly reason: string };

/** Most digits an amount may have: a uint256 has 78, so anything longer cannot be a real amount. */
export const MAX_AMOUNT_DIGITS = 78;

// ASCII digits only, with an integer part always present and digits after any dot. `5.` and
// `.5` are rejected: they are legal in JavaScript but ambiguous in other languages' parsers,
// and a price should read the same in every log and language. Leading zeros are harmless and
// accepted (`007.50` is 7.50).
const PLAIN_AMOUNT = /^([0-9]+)(?:\.([0-9]+))?$/;

/**
 * Parses a decimal string into base units with `decimals` fractional digits, exactly.
 *
 * Unlike viem's `parseUnits`, it never rounds: excess decimals (even trailing zeros), signs,
 * exponents and whitespace are rejected with a short reason fit for a wire `msg`.
 * Throws `RangeError` only when `decimals` is not an integer in 0..255 (a caller bug).
 *
 * @example
 * parseAmount('10.5', 2) // { ok: true, value: 1050n }
 * parseAmount('10.505', 2) // { ok: false, reason: 'at most 2 decimal places' }
 */
export function parseAmount(text: string, decimals: number): ParseAmountResult {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 255) {
    throw new RangeError(`decimals must be an integer in 0..255, got ${decimals}`);
  }
  if (text === '') return { ok: false, reason: 'must not be empty' };
  const match = PLAIN_AMOUNT.exec(text);
  if (match === null) return { ok: false, reason: 'must be a plain decimal number' };
  const integerPart = match[1] ?? '';
  const fractionPart = match[2] ?? '';
  if (integerPart.length + fractionPart.length > MAX_AMOUNT_DIGITS) {
    return { ok: false, reason: 'too many digits' };
  }
  if (fractionPart.length > decimals) {
    return { ok: false, reason: describeDecimalLimit(decimals) };
  }
  return { ok: true, value: BigInt(integerPart + fractionPart.padEnd(decimals, '0')) };
}

function describeDecimalLimit(decimals: number): string {
  if (decimals === 0) return 'must be a whole number';
  if (decimals === 1) return 'at most 1 decimal place';
  return `at most ${decimals} decimal places`;
}
