// Risk: a batched insert acknowledging an order before it commits, failing a batch-mate's order
// when one row is bad, or breaking idempotency when the same merchant order id arrives concurrently.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPaidOrder } from '../../../../test/support/buildPaidOrder.ts';
import { insertTestApp, TEST_APP_ID } from '../../../../test/support/insertTestApp.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import { insertOrderOnce } from '../../../app/insertOrderOnce.ts';
import { DuplicateOrderError } from '../../../core/DuplicateOrderError.ts';
import type { Order } from '../../../core/Order.ts';
import type { Store } from '../../../core/ports.ts';
import { createSecretBox } from '../../crypto/createSecretBox.ts';
import { createDb, type KassaDb } from '../createDb.ts';
import { createStore } from '../createStore.ts';
import { migrateToLatest } from '../migrateToLatest.ts';
import { createBatchedOrderWriter } from './createBatchedOrderWriter.ts';

const NOW_MS = Date.UTC(2026, 10, 21, 12);
const postgres = testDatabases().filter((database) => database.kind === 'postgres');

describe.each(postgres)('createBatchedOrderWriter ($kind)', (database) => {
  let created: Awaited<ReturnType<typeof database.create>>;
  let kassaDb: KassaDb;
  /** The store as the gateway builds it: orders outside a transaction go through the batched writer. */
  let store: Store;
  /** Another connection, as another process would read the table. */
  let reader: pg.Pool;
  const ordersOf = async (merchantOrderIds: readonly string[]) =>
    (
      await reader.query<{ merchant_order_id: string; order_id: string; xmin: string }>(
        'select merchant_order_id, order_id, xmin::text from orders where merchant_order_id = any($1) order by merchant_order_id',
        [merchantOrderIds],
      )
    ).rows;
  const orderOf = (n: number, changes: Partial<Order> = {}): Order => ({
    ...buildPaidOrder({ n, appId: TEST_APP_ID, nowMs: NOW_MS }).order,
    status: { funds: 'none', isOpen: true },
    ...changes,
  });

  beforeAll(async () => {
    created = await database.create();
    kassaDb = createDb({ url: created.url, ...(created.pgSchema === undefined ? {} : { pgSchema: created.pgSchema }) });
    await migrateToLatest(kassaDb);
    store = createStore(kassaDb, createSecretBox(randomBytes(32)), { groupCommitOrders: true });
    await insertTestApp(store, NOW_MS);
    reader = new pg.Pool({ connectionString: created.url, options: `-c search_path=${created.pgSchema}` });
  });
  afterAll(async () => {
    await reader.end();
    await kassaDb.close();
    await created.dispose();
  });

  it('writes the orders of concurrent requests in one statement, each visible once its caller hears of it', async () => {
    const ns = [100, 101, 102, 103, 104];
    const seen = await Promise.all(
      ns.map(async (n) => {
        const result = await store.orders.insertOrder(orderOf(n));
        return { inserted: result.inserted, visible: (await ordersOf([`M-${n}`])).length };
      }),
    );
    expect(seen).toEqual(ns.map(() => ({ inserted: true, visible: 1 })));
    // Rows written by one transaction share its id (xmin): all were submitted in one turn, one batch.
    const transactions = new Set((await ordersOf(ns.map((n) => `M-${n}`))).map((row) => row.xmin));
    expect(transactions.size).toBe(1);
  });

  it('rejects a bad order alone; its batch-mates are committed', async () => {
    const results = await Promise.allSettled([
      store.orders.insertOrder(orderOf(200)),
      store.orders.insertOrder(orderOf(201)),
      store.orders.insertOrder(orderOf(202, { appId: 'no-such-app' })), // foreign key violation
      store.orders.insertOrder(orderOf(203)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/foreign key/);
    expect((await ordersOf(['M-200', 'M-201', 'M-202', 'M-203'])).map((row) => row.merchant_order_id)).toEqual([
      'M-200',
      'M-201',
      'M-203',
    ]);
  });

  it('rejects only the order whose checkout token is taken by its batch-mate', async () => {
    const results = await Promise.allSettled([
      store.orders.insertOrder(orderOf(300)),
      store.orders.insertOrder(orderOf(301)),
      store.orders.insertOrder(orderOf(302, { checkoutToken: orderOf(301).checkoutToken })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/checkout_token/);
    expect(await ordersOf(['M-300', 'M-301', 'M-302'])).toHaveLength(2);
  });

  it('answers concurrent retries with the one order the first created, and a changed retry with duplicate_order', async () => {
    const first = orderOf(400);
    // Retries carry new ids and tokens, as a new request builds them; the fingerprint is the same.
    const retries = Array.from({ length: 20 }, (_, i) =>
      orderOf(400, { orderId: `${first.orderId.slice(0, -3)}9${String(i).padStart(2, '0')}`, checkoutToken: `t-${i}` }),
    );
    const changed = orderOf(400, { orderId: `${first.orderId.slice(0, -3)}800`, requestFingerprint: 'other' });
    const results = await Promise.allSettled([first, ...retries, changed].map((o) => insertOrderOnce(store, o)));
    const rows = await ordersOf(['M-400']);
    expect(rows).toHaveLength(1);
    const fulfilled = results.slice(0, 21).map((r) => (r.status === 'fulfilled' ? r.value.order.orderId : r.reason));
    expect(fulfilled).toEqual(Array.from({ length: 21 }, () => rows[0]?.order_id));
    expect(results.slice(0, 21).filter((r) => r.status === 'fulfilled' && r.value.inserted)).toHaveLength(1);
    expect((results[21] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateOrderError);
  });

  it('keeps idempotency across batches running at once on separate connections', async () => {
    // Batches of two, four at a time: copies of one order meet in different transactions.
    const writer = createBatchedOrderWriter(kassaDb.db, { maxInFlight: 4, maxBatchSize: 2 });
    const copies = Array.from({ length: 12 }, (_, i) =>
      orderOf(500 + (i % 3), {
        orderId: `${orderOf(500).orderId.slice(0, -3)}7${String(i).padStart(2, '0')}`,
        checkoutToken: `c-${i}`,
      }),
    );
    const results = await Promise.all(copies.map((order) => writer.insertOrder(order)));
    const rows = await ordersOf(['M-500', 'M-501', 'M-502']);
    expect(rows).toHaveLength(3);
    expect(results.filter((r) => r.inserted)).toHaveLength(3);
    for (const [i, result] of results.entries()) {
      const stored = rows.find((row) => row.merchant_order_id === copies[i]?.merchantOrderId);
      expect(result.order.orderId).toBe(stored?.order_id);
    }
  });

  it('commits nothing it has not acknowledged when a whole batch fails and every retry fails too', async () => {
    const results = await Promise.allSettled([
      store.orders.insertOrder(orderOf(600, { appId: 'nope-1' })),
      store.orders.insertOrder(orderOf(601, { appId: 'nope-2' })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await ordersOf(['M-600', 'M-601'])).toHaveLength(0);
    expect((await store.orders.insertOrder(orderOf(602))).inserted).toBe(true);
  });
});
