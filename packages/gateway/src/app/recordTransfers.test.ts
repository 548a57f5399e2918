// Guards against a range commit that records a transfer twice, counts another coin, confirms too early or too late, or moves the cursor without what it found.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestStore } from '../../test/support/openTestStore.ts';
import { openWatcherTestStore } from '../../test/support/openWatcherTestStore.ts';
import {
  buildBlocks,
  buildTransfer,
  SYNTHETIC_NETWORK,
  seedWatchedOrder,
} from '../../test/support/seedWatchedOrder.ts';
import { createTestClock } from '../../test/support/startTestGateway.ts';
import { testDatabases } from '../../test/support/testDatabases.ts';
import type { App } from '../core/App.ts';
import type { WatchedQuote } from '../core/ports.ts';
import { parseOrderWireStatus } from '../protocol/parseOrderWireStatus.ts';
import { recordTransfers } from './recordTransfers.ts';

const UNIT = 1_000_000n;

describe.each(testDatabases())('recordTransfers ($kind)', (database) => {
  let t: TestStore;
  let app: App;
  let deps: Parameters<typeof recordTransfers>[0];
  const clock = createTestClock();

  beforeEach(async () => {
    ({ t, app, deps } = await openWatcherTestStore(database, clock));
  });
  afterEach(async () => t.dispose());

  const lookupOf = (quotes: readonly WatchedQuote[]) => {
    const byAddress = new Map(quotes.map((q) => [q.address, q]));
    return (address: string) => byAddress.get(address);
  };

  it('records a payment once however often its range is committed, and moves the cursor past the range', async () => {
    const { order, quotes } = await seedWatchedOrder(deps, {
      app,
      merchantOrderId: 'o1',
      priceUsd: '10',
      symbols: ['USDT'],
    });
    const quote = quotes[0] as WatchedQuote;
    const transfers = [buildTransfer({ txid: 1, block: 101n, to: quote.address, symbol: 'USDT', amount: 10n * UNIT })];
    const range = {
      network: SYNTHETIC_NETWORK,
      blocks: buildBlocks(100n, 102n),
      transfers,
      findQuote: lookupOf(quotes),
      retainedBlocks: 256,
    };

    const first = await recordTransfers(deps, range);
    const second = await recordTransfers(deps, range);
    expect(first.recorded).toHaveLength(1);
    expect(second.recorded).toEqual([]);
    const payments = await t.store.payments.listPaymentsForOrders([order.orderId]);
    expect(payments).toMatchObject([
      { status: 'processing', amount: 10n * UNIT, blockNumber: 101n, quoteId: quote.quoteId },
    ]);
    expect(await t.store.chain.findCursor('DEV')).toBe(103n);
    expect((await t.store.chain.listBlocks('DEV')).map((b) => b.blockNumber)).toEqual([100n, 101n, 102n]);
  });

  it('records concurrent commits of one range once', async () => {
    const { order, quotes } = await seedWatchedOrder(deps, {
      app,
      merchantOrderId: 'o1',
      priceUsd: '10',
      symbols: ['USDT'],
    });
    const transfers = [1, 2, 3].map((txid) =>
      buildTransfer({ txid, block: 100n, to: (quotes[0] as WatchedQuote).address, symbol: 'USDT', amount: 3n * UNIT }),
    );
    const range = {
      network: SYNTHETIC_NETWORK,
      blocks: buildBlocks(100n, 100n),
      transfers,
      findQuote: lookupOf(quotes),
      retainedBlocks: 256,
    };
    const results = await Promise.all([recordTransfers(deps, range), recordTransfers(deps, range)]);
    expect(results.flatMap((r) => r.recorded)).toHaveLength(3);
    expect(await t.store.payments.listPaymentsForOrders([order.orderId])).toHaveLength(3);
  });

  it('confirms at the network depth (head − block + 1 ≥ 3) with the clock time, and updates the order', async () => {
    const { order, quotes } = await seedWatchedOrder(deps, {
      app,
      merchantOrderId: 'o1',
      priceUsd: '10',
      symbols: ['USDT'],
    });
    const findQuote = lookupOf(quotes);
    const address = (quotes[0] as WatchedQuote).address;
    const transfers = [buildTransfer({ txid: 1, block: 100n, to: address, symbol: 'USDT', amount: 10n * UNIT })];
    await recordTransfers(deps, {
      network: SYNTHETIC_NETWORK,
      blocks: buildBlocks(100n, 101n),
      transfers,
      findQuote,
      retainedBlocks: 256,
    });
    expect((await t.store.orders.findOrder(order.orderId))?.status).toEqual(parseOrderWireStatus('Pending'));

    clock.advance(5_000);
    const result = await recordTransfers(deps, {
      network: SYNTHETIC_NETWORK,
      blocks: buildBlocks(102n, 102n),
      transfers: [],
      findQuote,
      retainedBlocks: 256,
    });
    expect(result.confirmed).toMatchObject([{ status: 'success', confirmedAtMs: clock.now() }]);
    expect(result.orderStatuses.get(order.orderId)).toEqual(parseOrderWireStatus('Successful'));
    expect((await t.store.orders.findOrder(order.orderId))?.status).toEqual(parseOrderWireStatus('Successful'));
    const [payment] = await t.store.payments.listPaymentsForOrders([order.orderId]);
    expect(payment).toMatchObject({ status: 'success', confirmedAtMs: clock.now() });
    const deliveries = await t.store.deliveries.listDeliveries({ limit: 10 });
    expect(deliveries.map((d) => [d.recordId, d.event])).toEqual([[payment?.recordId, 'success']]);
  });

  it('records a transfer already deep enough as success at once', async () => {
    const { order, quotes } = await seedWatchedOrder(deps, {
      app,
      merchantOrderId: 'o1',
      priceUsd: '10',
      symbols: ['ETH'],
    });
    const quote = quotes[0] as WatchedQuote;
    const transfers = [buildTransfer({ txid: 1, block: 100n, to: quote.address, symbol: 'ETH', amount: quote.amount })];
    const result = await recordTransfers(deps, {
      network: SYNTHETIC_NETWORK,
      blocks: buildBlocks(100n, 102n),
      transfers,
      findQuote: lookupOf(quotes),
      retainedBlocks: 256,
    });
    expect(result.recorded).toMatchObject([
      { status: 'success', confirmedAtMs: clock.now(), logIndex: -1, contract: null },
    ]);
    expect(result.orderStatuses.get(order.orderId)).toEqual(parseOrderWireStatus('Successful'));
  });

  it('does not count another token sent to the address, nor a zero transfer', async () => {
    const { order, quotes } = await seedWatchedOrder(deps, {
      app,
      merchantOrderId: 'o1',
      priceUsd: '10',
      symbols: ['USDT'],
    });
    const address = (quotes[0] as WatchedQuote).address;
    const transfers = [
      buildTransfer({ txid: 1, block: 100n, to: address, symbol: 'USDC', amount: 10n * UNIT }),
      buildTransfer({ txid: 2, block: 100n, to: address, symbol: 'ETH', amount: 10n ** 18n }),
      buildTransfer({ txid: 3, block: 100n, to: address, symbol: 'USDT', amount: 0n }),
    ];
    const result = await recordTransfers(deps, {
      network: SYNTHETIC_NETWORK,
      blocks: buildBlocks(100n, 103n),
      transfers,
      findQuote: lookupOf(quotes),
      retainedBlocks: 256,
    });
    expect(result.recorded).toEqual([]);
    expect(result.unmatched).toEqual(transfers);
    expect(await t.store.payments.listPaymentsForOrders([order.orderId])).toEqual([]);
  });

  it("counts a payment to an older quote's address by its USD value", async () => {
    const { order, quotes } = await seedWatchedOrder(deps, {
      app,
      merchantOrderId: 'o1',
      priceUsd: '10',
      symbols: ['ETH', 'USDT'],
    });
    const [ethQuote] = quotes as [WatchedQuote, WatchedQuote];
    const transfers = [
      buildTransfer({ txid: 1, block: 100n, to: ethQuote.address, symbol: 'ETH', amount: ethQuote.amount }),
    ];
    const result = await recordTransfers(deps, {
      network: SYNTHETIC_NETWORK,
      blocks: buildBlocks(100n, 102n),
      transfers,
      findQuote: lookupOf(quotes),
      retainedBlocks: 256,
    });
    expect(result.orderStatuses.get(order.orderId)).toEqual(parseOrderWireStatus('Successful'));
  });

  it('keeps only the newest retained block hashes', async () => {
    await recordTransfers(deps, {
      network: SYNTHETIC_NETWORK,
      blocks: buildBlocks(10n, 29n),
      transfers: [],
      findQuote: () => undefined,
      retainedBlocks: 5,
    });
    expect((await t.store.chain.listBlocks('DEV')).map((b) => b.blockNumber)).toEqual([25n, 26n, 27n, 28n, 29n]);
    expect(await t.store.chain.findCursor('DEV')).toBe(30n);
  });
});
