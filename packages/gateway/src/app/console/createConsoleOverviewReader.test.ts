// Risk: the overview shows stale or wrong figures: today's orders late, a past day never refreshed,
// a day boundary off by one, or the funds awaiting collection missing.
import { describe, expect } from 'vitest';
import { databaseTest } from '../../../test/support/databaseTest.ts';
import { seedConsoleOrder } from '../../../test/support/seedConsoleOrder.ts';
import { testDatabases } from '../../../test/support/testDatabases.ts';
import { createConsoleQueries } from '../../adapters/db/console/createConsoleQueries.ts';
import { createConsoleOverviewReader, PAST_DAYS_MAX_AGE_MS } from './createConsoleOverviewReader.ts';
import { createFundsLedger } from './createFundsLedger.ts';

const DAY_MS = 86_400_000;
const usdt = (n: number) => ({
  networkKey: 'DEV',
  symbol: 'USDT',
  decimals: 6,
  contract: '0x00000000000000000000000000000000000000a1',
  tokenRate: '1',
  amount: 12_500_000n,
  address: `0x${n.toString(16).padStart(40, 'a')}`,
});

describe.each(testDatabases())('createConsoleOverviewReader ($kind)', (database) => {
  databaseTest.override({ database });

  databaseTest(
    'counts today at once and the days before from memory, refreshed behind the page',
    async ({ t, app, clock }) => {
      const errors: unknown[] = [];
      const reader = createConsoleOverviewReader(
        { store: t.store, clock, networks: [] },
        createConsoleQueries(t.kassaDb),
        createFundsLedger({ store: t.store, clock, networks: [] }, (error) => errors.push(error)),
        (error) => errors.push(error),
      );
      const now = clock.now();
      const startOfToday = Math.floor(now / DAY_MS) * DAY_MS;
      const paid = (n: number, atMs: number) =>
        seedConsoleOrder(t.store, {
          n,
          appId: app.appId,
          createdAtMs: atMs,
          status: { funds: 'full', isOverdue: false },
          quotes: [usdt(n)],
          payment: { txid: `0x${String(n).padStart(64, '0')}`, amount: 12_500_000n, status: 'success', atMs },
        });
      await paid(1, startOfToday - 1);
      await paid(2, startOfToday);
      await seedConsoleOrder(t.store, { n: 3, appId: app.appId, createdAtMs: now - 29 * DAY_MS });
      await seedConsoleOrder(t.store, { n: 4, appId: app.appId, createdAtMs: now - 30 * DAY_MS });
      await seedConsoleOrder(t.store, { n: 7, appId: app.appId, createdAtMs: now - 1 });

      // The first view does not wait for the slow parts: it shows today and starts reading them.
      const cold = await reader.read();
      expect([cold.pastDaysAtMs, cold.funds]).toEqual([null, null]);
      expect(cold.activity.days.map((d) => d.orders).reduce((a, b) => a + b)).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const first = await reader.read();
      expect(first.activity.days).toHaveLength(30);
      expect(first.activity.days.map((d) => d.orders).reduce((a, b) => a + b)).toBe(4);
      expect(first.activity.days.at(-1)).toEqual({ day: startOfToday / DAY_MS, orders: 2, paidUsdCents: 1250n });
      expect(first.activity.days.at(-2)).toEqual({ day: startOfToday / DAY_MS - 1, orders: 1, paidUsdCents: 1250n });
      expect(first.activity.coins).toEqual([
        expect.objectContaining({
          symbol: 'USDT',
          today: { payments: 1, amount: 12_500_000n, usdCents: 1250n },
          span: { payments: 2, amount: 25_000_000n, usdCents: 2500n },
        }),
      ]);
      expect(first.backlog).toEqual({ openOrders: 1, failedDeliveries: 0, retryingDeliveries: 0 });
      expect(first.funds?.value).toEqual([
        expect.objectContaining({ networkKey: 'DEV', awaiting: 25_000_000n, awaitingAddresses: 2 }),
      ]);

      await paid(5, startOfToday + 1);
      await paid(6, startOfToday - DAY_MS);
      const second = await reader.read();
      expect(second.activity.days.at(-1)?.orders).toBe(3);
      expect(second.activity.days.at(-2)?.orders).toBe(1);

      clock.advance(PAST_DAYS_MAX_AGE_MS);
      await reader.read(); // the stale days are shown once more while they reload
      await new Promise((resolve) => setTimeout(resolve, 100));
      const third = await reader.read();
      expect(third.activity.days.at(-2)?.orders).toBe(2);
      expect(third.pastDaysAtMs).toBe(clock.now());
      expect(errors).toEqual([]);
    },
  );
});
