// Guards against an order_amount that is worth less than the USD price, or more than one base unit above it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertUsdToToken } from './convertUsdToToken.ts';

describe('convertUsdToToken', () => {
  it.each([
    [1999n, 1n, 0, 6, 19_990_000n], // 19.99 USD in USDT
    [1000n, 3582n, 4, 6, 27_917_365n], // 10 USD at 0.3582: 27917364.6… rounds up
    [1n, 315027n, 2, 18, 3_174_331_089_082n], // 1 cent of ETH at 3150.27: 3174331089081.25… rounds up
    [100n, 3n, 0, 0, 1n], // 1 USD at 3 USD per whole token, no decimals: owe 1 token
    [0n, 1n, 0, 6, 0n],
  ])('converts %s cents at %s·10^-%i with %i decimals to %s', (cents, units, scale, decimals, expected) => {
    expect(convertUsdToToken(cents, { units, scale }, decimals)).toBe(expected);
  });

  it('refuses a zero rate', () => {
    expect(() => convertUsdToToken(100n, { units: 0n, scale: 2 }, 6)).toThrow(RangeError);
  });

  it('does not depend on how the rate is scaled', () => {
    expect(convertUsdToToken(1000n, { units: 35820000n, scale: 8 }, 6)).toBe(
      convertUsdToToken(1000n, { units: 3582n, scale: 4 }, 6),
    );
  });

  it('returns the smallest amount whose USD value is at least the price', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 100_000_000_000n }),
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 30 }),
        (cents, rateUnits, rateScale, decimals) => {
          const result = convertUsdToToken(cents, { units: rateUnits, scale: rateScale }, decimals);
          // value(t) in cents = t * rateUnits * 100 / 10^(decimals + rateScale), compared cross-multiplied.
          const valueTimesScale = (t: bigint) => t * rateUnits * 100n;
          const priceTimesScale = cents * 10n ** BigInt(decimals + rateScale);
          expect(valueTimesScale(result) >= priceTimesScale).toBe(true);
          if (result > 0n) expect(valueTimesScale(result - 1n) < priceTimesScale).toBe(true);
        },
      ),
    );
  });
});
