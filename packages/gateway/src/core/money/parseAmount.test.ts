// Guards against an amount being accepted loosely (rounded, signed, exponent, padded) or mis-scaled.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount } from './formatAmount.ts';
import { parseAmount } from './parseAmount.ts';

describe('parseAmount', () => {
  it.each([
    ['10.5', 2, 1050n],
    ['10.50', 2, 1050n],
    ['10', 2, 1000n],
    ['0', 6, 0n],
    ['0.000001', 6, 1n],
    ['007.5', 2, 750n],
    ['1', 18, 10n ** 18n],
    ['42', 0, 42n],
    ['9'.repeat(78), 0, 10n ** 78n - 1n],
  ])('reads %s at %i decimals as %s', (text, decimals, value) => {
    expect(parseAmount(text, decimals)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'must not be empty'],
    ['.', 'must be a plain decimal number'],
    ['.5', 'must be a plain decimal number'],
    ['5.', 'must be a plain decimal number'],
    ['-1', 'must be a plain decimal number'],
    ['+1', 'must be a plain decimal number'],
    ['1e2', 'must be a plain decimal number'],
    ['1E2', 'must be a plain decimal number'],
    [' 1', 'must be a plain decimal number'],
    ['1\t', 'must be a plain decimal number'],
    ['1\n', 'must be a plain decimal number'],
    ['1 000', 'must be a plain decimal number'],
    ['1,50', 'must be a plain decimal number'],
    ['١٠', 'must be a plain decimal number'],
    ['１０', 'must be a plain decimal number'],
    ['0x1f', 'must be a plain decimal number'],
    ['10.505', 'at most 2 decimal places'],
    ['10.500', 'at most 2 decimal places'],
    ['9'.repeat(79), 'too many digits'],
    [`1.${'0'.repeat(78)}`, 'too many digits'],
  ])('rejects %j with %s', (text, reason) => {
    expect(parseAmount(text, 2)).toEqual({ ok: false, reason });
  });

  it('words the decimal limit for 0 and 1 decimals', () => {
    expect(parseAmount('1.5', 0)).toEqual({ ok: false, reason: 'must be a whole number' });
    expect(parseAmount('1.55', 1)).toEqual({ ok: false, reason: 'at most 1 decimal place' });
  });

  it('throws on an impossible precision (a caller bug)', () => {
    expect(() => parseAmount('1', -1)).toThrow(RangeError);
    expect(() => parseAmount('1', 1.5)).toThrow(RangeError);
  });

  it('round-trips formatAmount for any amount and 0..30 decimals', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }), fc.integer({ min: 0, max: 30 }), (value, decimals) => {
        const text = formatAmount(value, decimals);
        expect(parseAmount(text, decimals)).toEqual({ ok: true, value });
      }),
    );
  });

  it('formats back to the canonical text it read', () => {
    const canonical = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 40n }), fc.integer({ min: 0, max: 30 }))
      .map(([value, decimals]) => ({ text: formatAmount(value, decimals), decimals }));
    fc.assert(
      fc.property(canonical, ({ text, decimals }) => {
        const parsed = parseAmount(text, decimals);
        if (!parsed.ok) throw new Error(parsed.reason);
        expect(formatAmount(parsed.value, decimals)).toBe(text);
      }),
    );
  });

  it('rejects anything with a sign, an exponent or whitespace', () => {
    const number = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 18 }));
    const spoiler = fc.constantFrom(
      '+',
      '-',
      'e',
      'E',
      'e+',
      'e-',
      ' ',
      '\t',
      '\n',
      '\r',
      '\u00a0',
      '\u2003',
      '\ufeff',
    );
    fc.assert(
      fc.property(number, spoiler, fc.nat(), ([value, decimals], insert, at) => {
        const text = formatAmount(value, decimals);
        const position = at % (text.length + 1);
        const spoiled = text.slice(0, position) + insert + text.slice(position);
        expect(parseAmount(spoiled, decimals).ok).toBe(false);
      }),
    );
  });
});
