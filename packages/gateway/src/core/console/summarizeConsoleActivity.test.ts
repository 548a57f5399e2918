// Risk: the overview's USD figures drift from the exact sums (floats, a rate misread), or days of the
// span go missing from the chart.
import { describe, expect, it } from 'vitest';
import type { DailyPaidVolume } from '../ports/ConsoleQueries.ts';
import { summarizeConsoleActivity } from './summarizeConsoleActivity.ts';

const volume = (change: Partial<DailyPaidVolume>): DailyPaidVolume => ({
  day: 100,
  networkKey: 'BSC',
  symbol: 'USDT',
  decimals: 18,
  tokenRate: '1',
  payments: 1,
  amount: 10n ** 18n,
  ...change,
});

describe('summarizeConsoleActivity', () => {
  it('fills every day of the span and sums orders and USD per day', () => {
    const activity = summarizeConsoleActivity({
      today: 100,
      spanDays: 3,
      orders: [
        { day: 97, orders: 50 },
        { day: 99, orders: 2 },
        { day: 100, orders: 5 },
      ],
      volumes: [
        volume({ day: 99, amount: 25n * 10n ** 17n }),
        volume({ day: 100 }),
        volume({ day: 100, symbol: 'ETH', tokenRate: '2500.55', amount: 10n ** 16n }),
      ],
    });
    expect(activity.days).toEqual([
      { day: 98, orders: 0, paidUsdCents: 0n },
      { day: 99, orders: 2, paidUsdCents: 250n },
      { day: 100, orders: 5, paidUsdCents: 100n + 2500n },
    ]);
  });

  it('keeps each coin exact in base units, today apart from the span, past 2^64', () => {
    const huge = 2n ** 70n;
    const { coins } = summarizeConsoleActivity({
      today: 100,
      spanDays: 30,
      orders: [],
      volumes: [
        volume({ day: 90, amount: huge, payments: 4 }),
        volume({ day: 100, amount: huge + 1n, payments: 2, tokenRate: '0.999' }),
        volume({ day: 100, networkKey: 'ETH', symbol: 'ETH', tokenRate: 'junk', amount: 5n }),
        volume({ day: 60, amount: 1n }),
      ],
    });
    expect(coins.map((c) => [c.networkKey, c.symbol])).toEqual([
      ['BSC', 'USDT'],
      ['ETH', 'ETH'],
    ]);
    const [usdt, eth] = coins;
    expect(usdt?.span).toEqual({
      payments: 6,
      amount: 2n * huge + 1n,
      usdCents: (huge * 100n) / 10n ** 18n + ((huge + 1n) * 999n * 100n) / 10n ** 21n,
    });
    expect(usdt?.today.amount).toBe(huge + 1n);
    expect(eth?.today).toEqual({ payments: 1, amount: 5n, usdCents: 0n });
  });
});
