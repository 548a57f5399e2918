// Risk: the console's lists skip or repeat orders across pages, filters or search keys miss an order,
// or its sums of payments go wrong past 2^63 (SQLite sums integers in 64 bits).
import { describe, expect } from 'vitest';
import { databaseTest } from '../../../../test/support/databaseTest.ts';
import { type SeedConsoleQuote, seedConsoleOrder } from '../../../../test/support/seedConsoleOrder.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import type { ConsoleOrderCursor, ConsoleQueries } from '../../../core/ports/ConsoleQueries.ts';
import { createConsoleQueries } from './createConsoleQueries.ts';

const DAY_MS = 86_400_000;
const T0 = Date.UTC(2026, 10, 20, 12);
const address = (n: number) => `0x${n.toString(16).padStart(40, 'a')}`;
const txid = (n: number) => `0x${n.toString(16).padStart(64, 'c')}`;
const usdt = (n: number): SeedConsoleQuote => ({
  networkKey: 'BSC',
  symbol: 'USDT',
  decimals: 18,
  contract: `0x${'55'.repeat(20)}`,
  tokenRate: '1',
  amount: 12_500_000_000_000_000_000n,
  address: address(n),
});
const eth = (n: number): SeedConsoleQuote => ({
  networkKey: 'ETH',
  symbol: 'ETH',
  decimals: 18,
  contract: null,
  tokenRate: '2500.5',
  amount: 5_000_000_000_000_000n,
  address: address(n),
});

/** Every page of `list` from the start, as order ids. */
async function walk(list: (before?: ConsoleOrderCursor) => ReturnType<ConsoleQueries['listOrders']>) {
  const seen: string[] = [];
  let before: ConsoleOrderCursor | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await list(before);
    seen.push(...page.rows.map((row) => row.order.orderId));
    if (page.next === null) return seen;
    before = page.next;
  }
  throw new Error('more than 100 pages');
}

describe.each(testDatabases())('createConsoleQueries ($kind)', (database) => {
  databaseTest.override({ database });

  databaseTest('pages newest first without a gap or a repeat, ties broken by order id', async ({ t, app }) => {
    const queries = createConsoleQueries(t.kassaDb);
    // Pairs share a creation time: the cursor must carry the order id.
    for (let n = 1; n <= 9; n++) {
      await seedConsoleOrder(t.store, { n, appId: app.appId, createdAtMs: T0 + Math.floor(n / 2) * 1000 });
    }
    const ids = await walk((before) => queries.listOrders({}, { limit: 2, ...(before ? { before } : {}) }));
    expect(ids.map(Number)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    const first = await queries.listOrders({}, { limit: 3 });
    expect(first.rows.map((row) => row.appName)).toEqual(['Shop', 'Shop', 'Shop']);
  });

  databaseTest('filters by app, status, network, coin and creation time', async ({ t, app, clock }) => {
    const queries = createConsoleQueries(t.kassaDb, { quoteFilterStretch: 3 });
    await t.store.apps.insertApp({
      appId: 'other',
      name: 'Other',
      secret: 's'.repeat(32),
      webhookUrl: null,
      createdAtMs: clock.now(),
    });
    const paid = { funds: 'full', isOverdue: false } as const;
    await seedConsoleOrder(t.store, { n: 1, appId: app.appId, createdAtMs: T0, quotes: [usdt(1)] });
    await seedConsoleOrder(t.store, { n: 2, appId: 'other', createdAtMs: T0 + 1, quotes: [eth(2)], status: paid });
    await seedConsoleOrder(t.store, { n: 3, appId: app.appId, createdAtMs: T0 + DAY_MS, quotes: [eth(3), usdt(33)] });
    for (let n = 4; n <= 9; n++) await seedConsoleOrder(t.store, { n, appId: app.appId, createdAtMs: T0 + DAY_MS + n });
    const all = (filter: Parameters<ConsoleQueries['listOrders']>[0]) =>
      walk((before) => queries.listOrders(filter, { limit: 2, ...(before ? { before } : {}) }));
    expect(await all({ appId: 'other' })).toEqual([expect.stringMatching(/2$/)]);
    expect((await all({ status: paid })).map(Number)).toEqual([2]);
    expect((await all({ status: { funds: 'none', isOpen: true } })).length).toBe(8);
    // Any quote counts: order 3 was quoted in ETH before USDT.
    expect((await all({ networkKey: 'ETH' })).map(Number)).toEqual([3, 2]);
    expect((await all({ symbol: 'USDT' })).map(Number)).toEqual([3, 1]);
    expect((await all({ networkKey: 'BSC', symbol: 'ETH' })).map(Number)).toEqual([]);
    expect((await all({ createdFromMs: T0, createdBeforeMs: T0 + DAY_MS })).map(Number)).toEqual([2, 1]);
  });

  databaseTest('stops a quote-filtered page after a bounded stretch and goes on from there', async ({ t, app }) => {
    const queries = createConsoleQueries(t.kassaDb, { quoteFilterStretch: 3 });
    await seedConsoleOrder(t.store, { n: 1, appId: app.appId, createdAtMs: T0, quotes: [eth(1)] });
    for (let n = 2; n <= 8; n++) await seedConsoleOrder(t.store, { n, appId: app.appId, createdAtMs: T0 + n });
    const first = await queries.listOrders({ symbol: 'ETH' }, { limit: 10 });
    expect(first.rows).toEqual([]);
    expect(first.next).toEqual({ createdAtMs: T0 + 6, orderId: expect.stringMatching(/6$/) });
    const third = await queries.listOrders(
      { symbol: 'ETH' },
      { limit: 10, before: { createdAtMs: T0 + 3, orderId: '3'.padStart(33, '0') } },
    );
    expect(third.rows.map((row) => Number(row.order.orderId))).toEqual([1]);
    expect(third.next).toBeNull();
  });

  databaseTest('finds an order by each of its keys, with its newest quote', async ({ t, app }) => {
    const queries = createConsoleQueries(t.kassaDb);
    await seedConsoleOrder(t.store, {
      n: 7,
      appId: app.appId,
      createdAtMs: T0,
      merchantOrderId: 'shop-7',
      quotes: [eth(70), usdt(71)],
      payment: { txid: txid(7), amount: 1n, status: 'processing', atMs: T0 },
    });
    await seedConsoleOrder(t.store, { n: 8, appId: app.appId, createdAtMs: T0 + 1, merchantOrderId: 'shop-8' });
    const find = async (keys: Parameters<ConsoleQueries['searchOrders']>[0]) =>
      (await queries.searchOrders(keys, 10)).map((row) => row.order.merchantOrderId);
    expect(await find({ merchantOrderId: 'shop-7' })).toEqual(['shop-7']);
    expect(await find({ merchantOrderId: '7'.padStart(33, '0'), orderId: '7'.padStart(33, '0') })).toEqual(['shop-7']);
    expect(await find({ merchantOrderId: address(70), address: address(70) })).toEqual(['shop-7']);
    expect(await find({ merchantOrderId: txid(7), txid: txid(7) })).toEqual(['shop-7']);
    expect(await find({ merchantOrderId: 'nothing', orderId: '9'.padStart(33, '0') })).toEqual([]);
    const [row] = await queries.searchOrders({ merchantOrderId: 'shop-7' }, 10);
    expect(row?.quote?.symbol).toBe('USDT');
  });

  databaseTest('sums paid volume per day and coin exactly past 2^63', async ({ t, app }) => {
    const queries = createConsoleQueries(t.kassaDb);
    const huge = 9_999_999_999_999_999_999_999n; // 10^22, far past 2^63 base units
    for (let n = 1; n <= 3; n++) {
      await seedConsoleOrder(t.store, {
        n,
        appId: app.appId,
        createdAtMs: T0,
        quotes: [usdt(n)],
        payment: { txid: txid(n), amount: huge + BigInt(n), status: 'success', atMs: T0 + n },
      });
    }
    await seedConsoleOrder(t.store, {
      n: 4,
      appId: app.appId,
      createdAtMs: T0 + DAY_MS,
      quotes: [eth(4)],
      payment: { txid: txid(4), amount: 7n, status: 'success', atMs: T0 + DAY_MS },
    });
    await seedConsoleOrder(t.store, {
      n: 5,
      appId: app.appId,
      createdAtMs: T0 + DAY_MS,
      quotes: [usdt(5)],
      payment: { txid: txid(5), amount: 1n, status: 'processing', atMs: T0 + DAY_MS },
    });
    const day = Math.floor(T0 / DAY_MS);
    expect(await queries.countOrdersByDay({ fromMs: T0 - DAY_MS, toMs: T0 + 2 * DAY_MS })).toEqual([
      { day, orders: 3 },
      { day: day + 1, orders: 2 },
    ]);
    const volume = await queries.sumPaidVolumeByDay({ fromMs: T0 - DAY_MS, toMs: T0 + 2 * DAY_MS });
    expect(volume).toEqual([
      { day, networkKey: 'BSC', symbol: 'USDT', decimals: 18, tokenRate: '1', payments: 3, amount: 3n * huge + 6n },
      { day: day + 1, networkKey: 'ETH', symbol: 'ETH', decimals: 18, tokenRate: '2500.5', payments: 1, amount: 7n },
    ]);
    expect(await queries.sumPaidVolumeByDay({ fromMs: T0 + 2, toMs: T0 + 3 })).toEqual([
      expect.objectContaining({ payments: 1, amount: huge + 2n }),
    ]);
  });
});
