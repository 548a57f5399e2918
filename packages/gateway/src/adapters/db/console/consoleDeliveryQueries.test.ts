// Risk: the order page misses a quote, a payment or a webhook attempt, or shows them out of order;
// the webhooks page lists the wrong state or loses its place; the overview miscounts what waits.
import { describe, expect } from 'vitest';
import { databaseTest } from '../../../../test/support/databaseTest.ts';
import { seedConsoleOrder } from '../../../../test/support/seedConsoleOrder.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import type { DeliveryState } from '../../../core/Delivery.ts';
import type { KassaDb } from '../createDb.ts';
import { createConsoleQueries } from './createConsoleQueries.ts';

const T0 = Date.UTC(2026, 10, 20, 12);
const quote = {
  networkKey: 'BSC',
  symbol: 'USDT',
  decimals: 18,
  contract: `0x${'55'.repeat(20)}`,
  tokenRate: '1',
  amount: 5n,
  address: `0x${'a'.repeat(40)}`,
};

/** Writes a delivery row and its attempts (oldest first) as the dispatcher leaves them. */
async function seedDelivery(
  kassaDb: KassaDb,
  p: { id: string; orderId: string; appId: string; state: DeliveryState; nextMs: number; attempts: number[] },
) {
  await kassaDb.db
    .insertInto('deliveries')
    .values({
      delivery_id: p.id,
      app_id: p.appId,
      order_id: p.orderId,
      record_id: `rec-${p.id}`,
      event: 'success',
      url: 'https://shop.example/hook',
      body: '{}',
      state: p.state,
      attempts: p.attempts.length,
      next_attempt_at: p.nextMs,
      first_attempt_at: p.attempts[0] ?? null,
      lease_owner: null,
      lease_until: null,
      created_at: T0,
      delivered_at: p.state === 'delivered' ? p.nextMs : null,
      seq: Number(p.id.replace(/\D/g, '')),
    })
    .execute();
  for (const [i, status] of p.attempts.entries()) {
    await kassaDb.db
      .insertInto('delivery_attempts')
      .values({
        delivery_id: p.id,
        started_at: T0 + i * 1000,
        latency_ms: 12 + i,
        status_code: status === 0 ? null : status,
        error: status === 0 ? 'connect ECONNREFUSED' : null,
        response_excerpt: status === 200 ? 'success' : `<b>busy ${i}</b>`,
        delivered: status === 200 ? 1 : 0,
      })
      .execute();
  }
}

describe.each(testDatabases())('console delivery and order queries ($kind)', (database) => {
  databaseTest.override({ database });

  databaseTest('reads an order with its quotes, payments and every attempt of each delivery', async ({ t, app }) => {
    const queries = createConsoleQueries(t.kassaDb);
    const { order } = await seedConsoleOrder(t.store, {
      n: 1,
      appId: app.appId,
      createdAtMs: T0,
      quotes: [{ ...quote, symbol: 'USDC' }, quote],
      payment: { txid: `0x${'c'.repeat(64)}`, amount: 5n, status: 'success', atMs: T0 + 10 },
    });
    await seedDelivery(t.kassaDb, {
      id: 'd2',
      orderId: order.orderId,
      appId: app.appId,
      state: 'delivered',
      nextMs: T0,
      attempts: [200],
    });
    await seedDelivery(t.kassaDb, {
      id: 'd1',
      orderId: order.orderId,
      appId: app.appId,
      state: 'failed',
      nextMs: T0,
      attempts: [500, 0, 502],
    });
    const detail = await queries.findOrderDetail(order.orderId);
    expect(detail?.appName).toBe('Shop');
    expect(detail?.quotes.map((q) => q.symbol)).toEqual(['USDC', 'USDT']);
    expect(detail?.payments.map((p) => [p.status, p.amount])).toEqual([['success', 5n]]);
    expect(detail?.deliveries.map((d) => d.delivery.deliveryId)).toEqual(['d1', 'd2']);
    expect(detail?.deliveries[0]?.attempts.map((a) => [a.statusCode, a.error, a.responseExcerpt])).toEqual([
      [500, null, '<b>busy 0</b>'],
      [null, 'connect ECONNREFUSED', '<b>busy 1</b>'],
      [502, null, '<b>busy 2</b>'],
    ]);
    expect(await queries.findOrderDetail('0'.repeat(33))).toBeNull();
  });

  databaseTest(
    'lists deliveries of one state, newest next attempt first, with the last attempt',
    async ({ t, app }) => {
      const queries = createConsoleQueries(t.kassaDb);
      const { order } = await seedConsoleOrder(t.store, { n: 1, appId: app.appId, createdAtMs: T0 });
      for (let n = 1; n <= 5; n++) {
        await seedDelivery(t.kassaDb, {
          id: `d${n}`,
          orderId: order.orderId,
          appId: app.appId,
          state: n === 5 ? 'pending' : 'failed',
          nextMs: T0 + Math.floor(n / 2),
          attempts: [500, 503],
        });
      }
      const first = await queries.listDeliveries({ state: 'failed' }, { limit: 2 });
      expect(first.map((row) => row.delivery.deliveryId)).toEqual(['d4', 'd3']);
      expect(first[0]?.lastAttempt?.statusCode).toBe(503);
      expect(first[0]?.appName).toBe('Shop');
      const last = first.at(-1)?.delivery;
      const rest = await queries.listDeliveries(
        { state: 'failed', appId: app.appId },
        {
          limit: 5,
          ...(last ? { before: { nextAttemptAtMs: last.nextAttemptAtMs, deliveryId: last.deliveryId } } : {}),
        },
      );
      expect(rest.map((row) => row.delivery.deliveryId)).toEqual(['d2', 'd1']);
      expect(await queries.listDeliveries({ state: 'failed', appId: 'nobody' }, { limit: 5 })).toEqual([]);
    },
  );

  databaseTest('counts open orders, failed and retrying deliveries', async ({ t, app }) => {
    const queries = createConsoleQueries(t.kassaDb);
    const { order } = await seedConsoleOrder(t.store, { n: 1, appId: app.appId, createdAtMs: T0 });
    await seedConsoleOrder(t.store, { n: 2, appId: app.appId, createdAtMs: T0 - 7_200_000 });
    await seedConsoleOrder(t.store, {
      n: 3,
      appId: app.appId,
      createdAtMs: T0,
      status: { funds: 'full', isOverdue: false },
    });
    const seed = (id: string, state: DeliveryState, attempts: number[]) =>
      seedDelivery(t.kassaDb, { id, orderId: order.orderId, appId: app.appId, state, nextMs: T0, attempts });
    await seed('d1', 'failed', [500]);
    await seed('d2', 'pending', [500]);
    await seed('d3', 'pending', []);
    await seed('d4', 'delivered', [200]);
    expect(await queries.countBacklog(T0 + 1, 10)).toEqual({
      openOrders: 1,
      failedDeliveries: 1,
      retryingDeliveries: 1,
    });
    await seed('d5', 'failed', [500]);
    await seed('d6', 'failed', [500]);
    // Counted up to the cap and one more: "more than 1".
    expect((await queries.countBacklog(T0 + 1, 1)).failedDeliveries).toBe(2);
    expect(await queries.listAppNames()).toEqual([{ appId: app.appId, name: 'Shop' }]);
  });
});
