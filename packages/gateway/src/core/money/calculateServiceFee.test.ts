// Guards against a service fee that rounds up (taking more than the fee rate allows).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateServiceFee } from './calculateServiceFee.ts';

describe('calculateServiceFee', () => {
  it.each([
    [1_000_001n, 5n, 3, 5000n], // 5000.005 rounds down
    [1_000_000n, 0n, 0, 0n],
    [199n, 1n, 2, 1n], // 1.99 rounds down
    [0n, 5n, 3, 0n],
    [7n, 1n, 0, 7n], // a rate of 1 takes all
  ])('fee on %s at %s·10^-%i is %s', (amount, units, scale, expected) => {
    expect(calculateServiceFee(amount, { units, scale })).toBe(expected);
  });

  it('refuses negative inputs', () => {
    expect(() => calculateServiceFee(-1n, { units: 1n, scale: 2 })).toThrow(RangeError);
    expect(() => calculateServiceFee(1n, { units: -1n, scale: 2 })).toThrow(RangeError);
  });

  it('is the largest whole amount not above amount × rate', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
        fc.bigInt({ min: 0n, max: 10n ** 6n }),
        fc.integer({ min: 0, max: 36 }),
        (amount, units, scale) => {
          const fee = calculateServiceFee(amount, { units, scale });
          const exact = amount * units;
          const denominator = 10n ** BigInt(scale);
          expect(fee * denominator <= exact).toBe(true);
          expect((fee + 1n) * denominator > exact).toBe(true);
        },
      ),
    );
  });
});
