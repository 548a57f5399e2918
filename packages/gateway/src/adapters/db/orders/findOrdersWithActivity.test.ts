// Risk: bill/info showing a quote or payment wrongly after the one-statement PostgreSQL read (JSON
// arrays): a wei amount past 2^53 rounded, a null lost, the wrong order of quotes or payments, or
// another app's order with the same merchant order id; an id holding JSON's special characters missed
// (SQLite passes the ids as one JSON array).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPaidOrder } from '../../../../test/support/buildPaidOrder.ts';
import { insertTestApp, TEST_APP_ID } from '../../../../test/support/insertTestApp.ts';
import { openTestStore, type TestStore } from '../../../../test/support/openTestStore.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';

const NOW_MS = Date.UTC(2026, 10, 20, 12);

describe.each(testDatabases())('findOrdersWithActivity ($kind)', (database) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(database);
    await insertTestApp(t.store, NOW_MS);
    await t.store.apps.insertApp({
      appId: 'app-2',
      name: 'Other',
      secret: 'o'.repeat(32),
      webhookUrl: null,
      createdAtMs: NOW_MS,
    });
  });
  afterAll(async () => t.dispose());

  it('returns each order with its quotes by id and its payments by time seen, exactly as stored', async () => {
    const paid = buildPaidOrder({ n: 1, appId: TEST_APP_ID, nowMs: NOW_MS });
    const bare = buildPaidOrder({ n: 2, appId: TEST_APP_ID, nowMs: NOW_MS }).order;
    await t.store.orders.insertOrder(paid.order);
    await t.store.orders.insertOrder(bare);
    const { quoteId: _id, ...newQuote } = paid.quote;
    const wei = 2n ** 64n + 12_345n;
    const eth = await t.store.quotes.insertQuote({
      ...newQuote,
      symbol: 'ETH',
      contract: null,
      decimals: 18,
      amount: wei,
    });
    const usdt = await t.store.quotes.insertQuote({ ...newQuote, addressIndex: 9 });
    const late = { ...paid.payment, quoteId: usdt.quoteId, seenAtMs: NOW_MS + 5000, blockNumber: 2n ** 60n };
    const early = {
      ...paid.payment,
      recordId: `${paid.payment.recordId.slice(0, -1)}9`,
      quoteId: eth.quoteId,
      txid: `0x${'e'.repeat(64)}`,
      contract: null,
      amount: wei,
      status: 'failed' as const,
      confirmedAtMs: null,
      failedAtMs: NOW_MS + 10,
    };
    await t.store.payments.insertPayment(late);
    await t.store.payments.insertPayment(early);
    // The other app's order with the same merchant order id stays out.
    const foreign = buildPaidOrder({ n: 3, appId: 'app-2', nowMs: NOW_MS }).order;
    await t.store.orders.insertOrder({ ...foreign, merchantOrderId: paid.order.merchantOrderId });

    const found = await t.store.orders.findOrdersWithActivity(TEST_APP_ID, [bare.merchantOrderId, 'M-404', 'M-1']);
    found.sort((a, b) => a.order.merchantOrderId.localeCompare(b.order.merchantOrderId));
    expect(found).toEqual([
      { order: paid.order, quotes: [eth, usdt], payments: [early, late] },
      { order: bare, quotes: [], payments: [] },
    ]);
  });

  it('finds merchant order ids holding quotes, backslashes and emoji, and only those exact ids', async () => {
    const ids = ['q"uote', 'back\\slash', '😀 é', 'x,y]', "it's"];
    for (const [k, merchantOrderId] of ids.entries()) {
      const { order } = buildPaidOrder({ n: 10 + k, appId: TEST_APP_ID, nowMs: NOW_MS });
      await t.store.orders.insertOrder({ ...order, merchantOrderId });
    }
    const found = await t.store.orders.findOrdersWithActivity(TEST_APP_ID, [...ids, 'q', 'x']);
    expect(found.map((f) => f.order.merchantOrderId).sort()).toEqual([...ids].sort());
  });

  it('finds nothing for no ids or only unknown ones', async () => {
    expect(await t.store.orders.findOrdersWithActivity(TEST_APP_ID, [])).toEqual([]);
    expect(await t.store.orders.findOrdersWithActivity(TEST_APP_ID, ['M-405'])).toEqual([]);
  });
});
