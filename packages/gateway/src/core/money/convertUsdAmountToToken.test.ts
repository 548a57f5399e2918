// Guards against a quote asking the payer for less than the USD amount (rounding down) or more than needed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertUsdAmountToToken } from './convertUsdAmountToToken.ts';
import type { Decimal } from './Decimal.ts';

const decimal = (units: bigint, scale: number): Decimal => ({ units, scale });

describe('convertUsdAmountToToken', () => {
  it.each([
    [decimal(1000n, 2), decimal(3582n, 4), 6, 27917365n], // 27917364.6… rounds up
    [decimal(1n, 0), decimal(1n, 0), 6, 1_000_000n],
    [decimal(12345n, 4), decimal(1n, 0), 2, 124n], // 1.2345 USD in a 2-decimal stablecoin
    [decimal(1n, 0), decimal(3n, 0), 0, 1n],
    [decimal(0n, 2), decimal(3n, 0), 18, 0n],
  ])('converts %o at %o with %i decimals to %s', (amount, rate, decimals, expected) => {
    expect(convertUsdAmountToToken(amount, rate, decimals)).toBe(expected);
  });

  it('refuses a zero rate, a negative amount and a bad precision', () => {
    expect(() => convertUsdAmountToToken(decimal(1n, 0), decimal(0n, 4), 6)).toThrow(RangeError);
    expect(() => convertUsdAmountToToken(decimal(-1n, 0), decimal(1n, 0), 6)).toThrow(RangeError);
    expect(() => convertUsdAmountToToken(decimal(1n, 0), decimal(1n, 0), -1)).toThrow(RangeError);
  });

  it('returns the smallest amount worth at least the USD amount', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 20n }),
        fc.integer({ min: 0, max: 10 }),
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 30 }),
        (amountUnits, amountScale, rateUnits, rateScale, decimals) => {
          const result = convertUsdAmountToToken(
            decimal(amountUnits, amountScale),
            decimal(rateUnits, rateScale),
            decimals,
          );
          // value(t) = t * rateUnits / 10^(decimals + rateScale); price = amountUnits / 10^amountScale.
          const worthTimesScales = (t: bigint) => t * rateUnits * 10n ** BigInt(amountScale);
          const priceTimesScales = amountUnits * 10n ** BigInt(decimals + rateScale);
          expect(worthTimesScales(result) >= priceTimesScales).toBe(true);
          if (result > 0n) expect(worthTimesScales(result - 1n) < priceTimesScales).toBe(true);
        },
      ),
    );
  });
});
