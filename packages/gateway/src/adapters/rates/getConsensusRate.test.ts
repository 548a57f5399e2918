// Guards against a quoted rate that is not the exact median of the fresh prices, or one quoted while exchanges disagree.
import { describe, expect, it } from 'vitest';
import { type Decimal, formatDecimal, parseDecimal } from '../../core/money/Decimal.ts';
import { getConsensusRate, type ObservedPrice } from './getConsensusRate.ts';

const decimal = (text: string): Decimal => {
  const parsed = parseDecimal(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
};
const observed = (price: string, asOfMs = 1_000): ObservedPrice => ({ price: decimal(price), asOfMs });
const rateOf = (prices: readonly ObservedPrice[], maxSpread = '0.02') => {
  const lookup = getConsensusRate(prices, decimal(maxSpread));
  return lookup.ok ? { rate: formatDecimal(lookup.rate), asOfMs: lookup.asOfMs } : lookup;
};

describe('getConsensusRate', () => {
  it('takes the middle price of an odd count, without the exchange padding', () => {
    expect(rateOf([observed('3001.00000000'), observed('3000'), observed('3002.5')])).toEqual({
      rate: '3001',
      asOfMs: 1_000,
    });
  });

  it('takes the exact mean of the middle two of an even count, adding a decimal rather than rounding', () => {
    expect(rateOf([observed('1.01'), observed('1.00')])).toMatchObject({ rate: '1.005' });
    expect(rateOf([observed('2'), observed('4')], '1')).toMatchObject({ rate: '3' });
  });

  it('is as old as the oldest price it used', () => {
    expect(rateOf([observed('1', 5_000), observed('1', 2_000), observed('1', 9_000)])).toMatchObject({ asOfMs: 2_000 });
  });

  it('refuses when the spread exceeds the limit, and accepts it at the limit', () => {
    expect(rateOf([observed('100'), observed('103')])).toEqual({ ok: false, reason: 'disagree' });
    expect(rateOf([observed('99'), observed('101')])).toMatchObject({ rate: '100' });
  });
});
