// Guards against a rate or tolerance being read inexactly or printed in a non-canonical form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal, isZeroDecimal, MAX_DECIMAL_SCALE, parseDecimal } from './Decimal.ts';

describe('parseDecimal', () => {
  it.each([
    ['0.3582', 3582n, 4],
    ['3150.27', 315027n, 2],
    ['1', 1n, 0],
    ['0', 0n, 0],
    ['0.005', 5n, 3],
    ['3150.27000000', 315027000000n, 8],
    [`0.${'0'.repeat(35)}1`, 1n, 36],
  ])('reads %s exactly', (text, units, scale) => {
    expect(parseDecimal(text)).toEqual({ ok: true, value: { units, scale } });
  });

  it.each([
    '',
    '.',
    '.5',
    '5.',
    '-1',
    '+1',
    '1e3',
    '1E-3',
    ' 1',
    '1 ',
    '1 000',
    '1,5',
    '0x10',
    'NaN',
    'Infinity',
    '١٢',
    '１',
    '1.2.3',
    '1\n',
  ])('rejects %j', (text) => {
    const result = parseDecimal(text);
    expect(result.ok).toBe(false);
  });

  it('names the rule it broke', () => {
    expect(parseDecimal('')).toEqual({ ok: false, reason: 'must not be empty' });
    expect(parseDecimal('1e3')).toEqual({ ok: false, reason: 'must be a plain decimal number' });
    expect(parseDecimal(`0.${'1'.repeat(37)}`)).toEqual({
      ok: false,
      reason: 'at most 36 decimal places',
    });
    expect(parseDecimal('9'.repeat(43))).toEqual({ ok: false, reason: 'too many digits' });
  });
});

describe('formatDecimal', () => {
  it.each([
    [{ units: 35820n, scale: 5 }, '0.3582'],
    [{ units: 315027n, scale: 2 }, '3150.27'],
    [{ units: 100n, scale: 2 }, '1'],
    [{ units: 0n, scale: 7 }, '0'],
    [{ units: 5n, scale: 3 }, '0.005'],
    [{ units: -5n, scale: 3 }, '-0.005'],
    [{ units: 12n, scale: 0 }, '12'],
  ])('formats %o as %s', (d, text) => {
    expect(formatDecimal(d)).toBe(text);
  });

  it('round-trips every canonical decimal', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 42n - 1n }),
        fc.integer({ min: 0, max: MAX_DECIMAL_SCALE }),
        (units, scale) => {
          const text = formatDecimal({ units, scale });
          const parsed = parseDecimal(text);
          if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
          // Same value (cross-multiplied), and formatting again gives the same text.
          expect(parsed.value.units * 10n ** BigInt(scale)).toBe(units * 10n ** BigInt(parsed.value.scale));
          expect(formatDecimal(parsed.value)).toBe(text);
        },
      ),
    );
  });
});

describe('isZeroDecimal', () => {
  it('is true for zero at any scale only', () => {
    expect(isZeroDecimal({ units: 0n, scale: 5 })).toBe(true);
    expect(isZeroDecimal({ units: 1n, scale: 36 })).toBe(false);
  });
});
