// Guards against crediting a payment with more USD than it is worth (rounding up).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertTokenToUsdCents } from './convertTokenToUsdCents.ts';

describe('convertTokenToUsdCents', () => {
  it.each([
    [19_990_000n, 1n, 0, 6, 1999n],
    [1_500_000_000_000_000_000n, 315027n, 2, 18, 472540n], // 4725.405 USD rounds down
    [27_917_365n, 3582n, 4, 6, 1000n], // a rounded-up quote is worth its price
    [1n, 1n, 0, 18, 0n],
    [0n, 315027n, 2, 18, 0n],
    [5n, 0n, 0, 0, 0n],
  ])('values %s at %s·10^-%i with %i decimals at %s cents', (amount, units, scale, decimals, expected) => {
    expect(convertTokenToUsdCents(amount, { units, scale }, decimals)).toBe(expected);
  });

  it('refuses a negative amount or rate', () => {
    expect(() => convertTokenToUsdCents(-1n, { units: 1n, scale: 0 }, 6)).toThrow(RangeError);
    expect(() => convertTokenToUsdCents(1n, { units: -1n, scale: 0 }, 6)).toThrow(RangeError);
  });

  it('returns the largest number of cents not above the value', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 30 }),
        (amount, rateUnits, rateScale, decimals) => {
          const cents = convertTokenToUsdCents(amount, { units: rateUnits, scale: rateScale }, decimals);
          // value in cents = amount * rateUnits * 100 / 10^(decimals + rateScale), compared cross-multiplied.
          const valueTimesScale = amount * rateUnits * 100n;
          const scale = 10n ** BigInt(decimals + rateScale);
          expect(cents * scale <= valueTimesScale).toBe(true);
          expect((cents + 1n) * scale > valueTimesScale).toBe(true);
        },
      ),
    );
  });
});
