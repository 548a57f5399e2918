// Guards against amounts shown or stored with exponents, padding zeros or a misplaced point.
import { describe, expect, it } from 'vitest';
import { formatAmount } from './formatAmount.ts';

describe('formatAmount', () => {
  it.each([
    [1050n, 2, '10.5'],
    [1000n, 2, '10'],
    [0n, 2, '0'],
    [0n, 0, '0'],
    [5n, 0, '5'],
    [1n, 18, '0.000000000000000001'],
    [10n ** 18n, 18, '1'],
    [123456789n, 6, '123.456789'],
    [-1050n, 2, '-10.5'],
    [-1n, 3, '-0.001'],
    [2n ** 256n - 1n, 18, '115792089237316195423570985008687907853269984665640564039457.584007913129639935'],
  ])('formats %s at %i decimals as %s', (value, decimals, text) => {
    expect(formatAmount(value, decimals)).toBe(text);
  });

  it('throws on an impossible precision (a caller bug)', () => {
    expect(() => formatAmount(1n, -2)).toThrow(RangeError);
  });
});
