/**
 * An exact decimal: `value = units / 10^scale`, `scale` a non-negative integer. Used for rates
 * (USD per token), fee rates and tolerances — never for amounts, which are bigint base units.
 * `parseDecimal` only makes non-negative values; the same value may have several scales
 * (`{ units: 50n, scale: 2 }` equals `{ units: 5n, scale: 1 }`), so compare by value.
 */
export type Decimal = {
  readonly units: bigint;
  readonly scale: number;
};

export type ParseDecimalResult =
  | { readonly ok: true; readonly value: Decimal }
  | { readonly ok: false; readonly reason: string };

/** Most fractional digits a rate or fraction may carry. */
export const MAX_DECIMAL_SCALE = 36;

/** Most integer digits: far beyond any price, short enough to bound the bigint work. */
const MAX_INTEGER_DIGITS = 42;

// ASCII digits only, an integer part always present and a fractional part only with digits
// after the dot: `5.` and `.5` are rejected so a typo never silently changes a price.
const PLAIN_DECIMAL = /^([0-9]+)(?:\.([0-9]+))?$/;

/**
 * Parses a plain non-negative decimal such as `"0.3582"` or `"3150.27"` exactly; signs,
 * exponents, whitespace, `5.` and `.5` are rejected with a short reason.
 *
 * @example
 * parseDecimal('3150.27') // { ok: true, value: { units: 315027n, scale: 2 } }
 * parseDecimal('1e3') // { ok: false, reason: 'must be a plain decimal number' }
 */
export function parseDecimal(text: string): ParseDecimalResult {
  if (text === '') return { ok: false, reason: 'must not be empty' };
  const match = PLAIN_DECIMAL.exec(text);
  if (match === null) return { ok: false, reason: 'must be a plain decimal number' };
  const integerPart = match[1] ?? '';
  const fractionPart = match[2] ?? '';
  if (integerPart.length > MAX_INTEGER_DIGITS) return { ok: false, reason: 'too many digits' };
  if (fractionPart.length > MAX_DECIMAL_SCALE) {
    return { ok: false, reason: `at most ${MAX_DECIMAL_SCALE} decimal places` };
  }
  return {
    ok: true,
    value: { units: BigInt(integerPart + fractionPart), scale: fractionPart.length },
  };
}

/**
 * Formats a decimal canonically: no exponent, trailing fractional zeros and dot trimmed.
 *
 * @example
 * formatDecimal({ units: 35820n, scale: 5 }) // '0.3582'
 */
export function formatDecimal(d: Decimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString();
  const sign = negative ? '-' : '';
  if (d.scale <= 0) return sign + digits + '0'.repeat(-d.scale);
  const padded = digits.padStart(d.scale + 1, '0');
  const integerPart = padded.slice(0, padded.length - d.scale);
  const fractionPart = padded.slice(padded.length - d.scale).replace(/0+$/, '');
  return sign + (fractionPart === '' ? integerPart : `${integerPart}.${fractionPart}`);
}

/** True when the decimal equals zero, whatever its scale. */
export function isZeroDecimal(d: Decimal): boolean {
  return d.units === 0n;
}
