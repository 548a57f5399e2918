// Risk: a quote stored wrongly (amounts past 2^63, ids), or the watcher's address set missing or keeping the wrong quotes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPaidOrder } from '../../../test/support/buildPaidOrder.ts';
import { insertTestApp, TEST_APP_ID } from '../../../test/support/insertTestApp.ts';
import { openTestStore, type TestStore } from '../../../test/support/openTestStore.ts';
import { testDatabases } from '../../../test/support/testDatabases.ts';
import type { NewQuote } from '../../core/ports.ts';

const NOW_MS = Date.UTC(2026, 10, 20, 12);

describe.each(testDatabases())('createQuoteStore ($kind)', (database) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(database);
    await insertTestApp(t.store, NOW_MS);
  });
  afterAll(async () => t.dispose());

  /** An order watched until `watchUntilMs`, and a quote template for it. */
  const addOrder = async (n: number, watchUntilMs: number): Promise<NewQuote> => {
    const { order, quote } = buildPaidOrder({ n, appId: TEST_APP_ID, nowMs: NOW_MS });
    await t.store.orders.insertOrder({ ...order, status: { funds: 'none', isOpen: true }, watchUntilMs });
    const { quoteId: _id, ...newQuote } = quote;
    return { ...newQuote, address: `0x${String(n).padStart(40, '0')}` };
  };

  it('inserts quotes with increasing ids and reads them back exactly (wei amounts past 2^63)', async () => {
    const template = await addOrder(1, NOW_MS + 1000);
    const wei = 2n ** 64n + 12_345n;
    const ethQuote = { ...template, symbol: 'ETH', contract: null, decimals: 18, amount: wei, tokenRate: '3150.27' };
    const first = await t.store.quotes.insertQuote(ethQuote);
    const second = await t.store.quotes.insertQuote({ ...template, addressIndex: 7 });
    expect(second.quoteId).toBeGreaterThan(first.quoteId);
    expect(await t.store.quotes.listQuotesForOrders([template.orderId])).toEqual([first, second]);
    expect(first).toEqual({ ...ethQuote, quoteId: first.quoteId });
  });

  it('lists watched quotes of one network after an id, by id, with their watch end', async () => {
    const live = await addOrder(10, NOW_MS + 60_000);
    const ended = await addOrder(11, NOW_MS);
    const q1 = await t.store.quotes.insertQuote(live);
    const other = await t.store.quotes.insertQuote({ ...live, networkKey: 'ETH' });
    await t.store.quotes.insertQuote(ended);
    const q2 = await t.store.quotes.insertQuote({ ...live, addressIndex: 99 });

    const all = await t.store.quotes.listWatchedQuotes('DEV', NOW_MS, 0);
    const ids = all.map((q) => q.quoteId);
    // Quotes of the first test's order (watched until NOW+1s) come first; the ended order is out.
    expect(ids.slice(-2)).toEqual([q1.quoteId, q2.quoteId]);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(all.every((q) => q.networkKey === 'DEV' && q.orderId !== ended.orderId)).toBe(true);
    expect(all.at(-1)).toEqual({ ...q2, watchUntilMs: NOW_MS + 60_000 });

    expect((await t.store.quotes.listWatchedQuotes('DEV', NOW_MS, q1.quoteId)).map((q) => q.quoteId)).toEqual([
      q2.quoteId,
    ]);
    expect((await t.store.quotes.listWatchedQuotes('ETH', NOW_MS, 0)).map((q) => q.quoteId)).toEqual([other.quoteId]);
    // watch_until is exclusive: at that instant the order is no longer watched.
    expect(await t.store.quotes.listWatchedQuotes('DEV', NOW_MS + 60_000, 0)).toEqual([]);
  });
});
