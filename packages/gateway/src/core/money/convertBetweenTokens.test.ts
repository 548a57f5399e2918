// Guards against a payment in an older quote's coin being credited for more than its USD value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertBetweenTokens, type TokenPricing } from './convertBetweenTokens.ts';

const pricing = (units: bigint, scale: number, decimals: number): TokenPricing => ({
  rate: { units, scale },
  decimals,
});

describe('convertBetweenTokens', () => {
  it('converts ETH at 3150.27 into USDC', () => {
    expect(convertBetweenTokens(10n ** 16n, pricing(315027n, 2, 18), pricing(1n, 0, 6))).toBe(31_502_700n);
  });

  it('rounds down without passing through cents', () => {
    // 1 base unit of a 6-decimal stablecoin is 0.0001 cents: cents rounding would give 0.
    expect(convertBetweenTokens(1n, pricing(1n, 0, 6), pricing(1n, 0, 18))).toBe(10n ** 12n);
    // 1 USDT counted in a token at 3 USD: 0.333… tokens with 6 decimals → 333333.
    expect(convertBetweenTokens(1_000_000n, pricing(1n, 0, 6), pricing(3n, 0, 6))).toBe(333_333n);
  });

  it('refuses a zero target rate', () => {
    expect(() => convertBetweenTokens(1n, pricing(1n, 0, 6), pricing(0n, 0, 6))).toThrow(RangeError);
  });

  const pricingArbitrary = fc
    .tuple(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 30 }))
    .map(([units, scale, decimals]) => pricing(units, scale, decimals));

  it('is the identity for the same pricing, however the rate is scaled', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
        pricingArbitrary,
        fc.integer({ min: 0, max: 10 }),
        (amount, p, extra) => {
          const rescaled = pricing(p.rate.units * 10n ** BigInt(extra), p.rate.scale + extra, p.decimals);
          expect(convertBetweenTokens(amount, p, rescaled)).toBe(amount);
        },
      ),
    );
  });

  it('returns the largest amount worth no more than the source', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
        pricingArbitrary,
        pricingArbitrary,
        (amount, from, to) => {
          const result = convertBetweenTokens(amount, from, to);
          // USD(x, p) = x * p.units / 10^(p.decimals + p.scale); compare both sides over a common denominator.
          const fromScale = 10n ** BigInt(from.decimals + from.rate.scale);
          const toScale = 10n ** BigInt(to.decimals + to.rate.scale);
          const source = amount * from.rate.units * toScale;
          const worth = (x: bigint) => x * to.rate.units * fromScale;
          expect(worth(result) <= source).toBe(true);
          expect(worth(result + 1n) > source).toBe(true);
        },
      ),
    );
  });
});
