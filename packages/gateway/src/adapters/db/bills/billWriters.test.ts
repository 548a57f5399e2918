// Risk: a bill written in half (an order without its quote), one bad bill failing the others of its batch, or a retried order id written twice.
import { describe, expect } from 'vitest';
import { buildPaidOrder } from '../../../../test/support/buildPaidOrder.ts';
import { databaseTest as it } from '../../../../test/support/databaseTest.ts';
import type { TestStore } from '../../../../test/support/openTestStore.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import type { BillWriter } from './BillWriter.ts';
import { createBillWriter } from './createBillWriter.ts';

describe.each(testDatabases())('bill writers ($kind)', (database) => {
  it.override({ database });

  const writers = (t: TestStore): [string, BillWriter][] => [
    ['batching', t.kassaDb.dialect.createBatchingBillWriter(t.kassaDb.db)],
    ['plain', createBillWriter(t.kassaDb.db)],
  ];
  const ordersWithoutQuote = async (t: TestStore) =>
    (
      await t.kassaDb.db
        .selectFrom('orders')
        .leftJoin('quotes', 'quotes.order_id', 'orders.order_id')
        .select('orders.merchant_order_id')
        .where('quotes.quote_id', 'is', null)
        .execute()
    ).map((row) => row.merchant_order_id);

  it('writes 40 concurrent bills with their quotes; a retried id writes nothing', async ({ t, app, clock }) => {
    for (const [name, writer] of writers(t)) {
      const base = name === 'plain' ? 1_000 : 0;
      const bills = Array.from({ length: 40 }, (_, i) =>
        buildPaidOrder({ n: base + i, appId: app.appId, nowMs: clock.now() }),
      );
      const results = await Promise.all(bills.map(({ order, quote }) => writer.insertOrderWithQuote(order, quote)));
      for (const [i, result] of results.entries()) {
        const { order, quote } = bills[i] as (typeof bills)[number];
        if (!result.inserted) throw new Error(`${name}: bill ${i} not inserted`);
        expect(result.order).toBe(order);
        const [stored] = await t.store.quotes.listQuotesForOrders([order.orderId]);
        expect(result.quote).toEqual({ ...quote, quoteId: stored?.quoteId });
        expect(stored).toEqual(result.quote);
      }
      // The same merchant order ids again, under new order ids (as a retry builds them): nothing written.
      const retries = bills.map(({ order, quote }) => ({
        order: { ...order, orderId: `${order.orderId}-again` },
        quote,
      }));
      const again = await Promise.all(retries.map(({ order, quote }) => writer.insertOrderWithQuote(order, quote)));
      expect(again.map((r) => [r.inserted, r.order.orderId])).toEqual(bills.map((b) => [false, b.order.orderId]));
      expect(await t.store.quotes.listQuotesForOrders(retries.map((r) => r.order.orderId))).toEqual([]);
    }
    expect(await ordersWithoutQuote(t)).toEqual([]);
  });

  it('fails only the bill that breaks a constraint, and leaves nothing of it', async ({ t, app, clock }) => {
    for (const [name, writer] of writers(t)) {
      const base = name === 'plain' ? 1_000 : 0;
      const bills = Array.from({ length: 10 }, (_, i) =>
        buildPaidOrder({ n: base + i, appId: app.appId, nowMs: clock.now() }),
      );
      const noApp = { ...(bills[3] as (typeof bills)[number]) };
      bills[3] = { ...noApp, order: { ...noApp.order, appId: 'no-such-app' } };
      // An order that is fine with a quote that is not: the order must go too.
      const badQuote = bills[6] as (typeof bills)[number];
      bills[6] = { ...badQuote, quote: { ...badQuote.quote, symbol: null as unknown as string } };
      const outcomes = await Promise.allSettled(
        bills.map(({ order, quote }) => writer.insertOrderWithQuote(order, quote)),
      );
      expect(outcomes.map((o) => o.status)).toEqual(
        bills.map((_, i) => (i === 3 || i === 6 ? 'rejected' : 'fulfilled')),
      );
      const stored = await t.store.orders.findOrdersByMerchantOrderIds(
        app.appId,
        bills.map((b) => b.order.merchantOrderId),
      );
      expect(stored.length).toBe(8);
      expect(stored.map((o) => o.merchantOrderId)).not.toContain(badQuote.order.merchantOrderId);
    }
    expect(await ordersWithoutQuote(t)).toEqual([]);
  });
});
