// Guards against a range commit that records a transfer twice, counts another coin, confirms too early or too late, or moves the cursor without what it found.
import { describe, expect } from 'vitest';
import { buildBlocks } from '../../test/support/buildBlocks.ts';
import { buildRange } from '../../test/support/buildRange.ts';
import { buildTransfer } from '../../test/support/buildTransfer.ts';
import { watcherTest as it } from '../../test/support/databaseTest.ts';
import { SYNTHETIC_NETWORK } from '../../test/support/syntheticNetwork.ts';
import { testDatabases } from '../../test/support/testDatabases.ts';
import type { WatchedQuote } from '../core/ports.ts';
import { parseOrderWireStatus } from '../protocol/parseOrderWireStatus.ts';
import { recordTransfers } from './recordTransfers.ts';

const UNIT = 1_000_000n;

describe.each(testDatabases())('recordTransfers ($kind)', (database) => {
  it.override({ database });

  it('records a payment once however often its range is committed, and moves the cursor past the range', async ({
    t,
    deps,
    seed,
  }) => {
    const { order, quotes } = await seed({ merchantOrderId: 'o1', priceUsd: '10', symbols: ['USDT'] });
    const quote = quotes[0] as WatchedQuote;
    const transfers = [buildTransfer({ txid: 1, block: 101n, to: quote.address, symbol: 'USDT', amount: 10n * UNIT })];
    const range = buildRange(buildBlocks(100n, 102n), transfers, quotes);

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

  it('records concurrent commits of one range once', async ({ t, deps, seed }) => {
    const { order, quotes } = await seed({ merchantOrderId: 'o1', priceUsd: '10', symbols: ['USDT'] });
    const transfers = [1, 2, 3].map((txid) =>
      buildTransfer({ txid, block: 100n, to: (quotes[0] as WatchedQuote).address, symbol: 'USDT', amount: 3n * UNIT }),
    );
    const range = buildRange(buildBlocks(100n, 100n), transfers, quotes);
    const results = await Promise.all([recordTransfers(deps, range), recordTransfers(deps, range)]);
    expect(results.flatMap((r) => r.recorded)).toHaveLength(3);
    expect(await t.store.payments.listPaymentsForOrders([order.orderId])).toHaveLength(3);
  });

  it('confirms at the network depth (head − block + 1 ≥ 3) with the clock time, and updates the order', async ({
    t,
    clock,
    deps,
    seed,
  }) => {
    const { order, quotes } = await seed({ merchantOrderId: 'o1', priceUsd: '10', symbols: ['USDT'] });
    const address = (quotes[0] as WatchedQuote).address;
    const transfers = [buildTransfer({ txid: 1, block: 100n, to: address, symbol: 'USDT', amount: 10n * UNIT })];
    await recordTransfers(deps, buildRange(buildBlocks(100n, 101n), transfers, quotes));
    expect((await t.store.orders.findOrder(order.orderId))?.status).toEqual(parseOrderWireStatus('Pending'));

    clock.advance(5_000);
    const result = await recordTransfers(deps, buildRange(buildBlocks(102n, 102n), [], quotes));
    expect(result.confirmed).toMatchObject([{ status: 'success', confirmedAtMs: clock.now() }]);
    expect(result.orderStatuses.get(order.orderId)).toEqual(parseOrderWireStatus('Successful'));
    expect((await t.store.orders.findOrder(order.orderId))?.status).toEqual(parseOrderWireStatus('Successful'));
    const [payment] = await t.store.payments.listPaymentsForOrders([order.orderId]);
    expect(payment).toMatchObject({ status: 'success', confirmedAtMs: clock.now() });
    const deliveries = await t.store.deliveries.listDeliveries({ limit: 10 });
    expect(deliveries.map((d) => [d.recordId, d.event])).toEqual([[payment?.recordId, 'success']]);
  });

  it('records a transfer already deep enough as success at once', async ({ clock, deps, seed }) => {
    const { order, quotes } = await seed({ merchantOrderId: 'o1', priceUsd: '10', symbols: ['ETH'] });
    const quote = quotes[0] as WatchedQuote;
    const transfers = [buildTransfer({ txid: 1, block: 100n, to: quote.address, symbol: 'ETH', amount: quote.amount })];
    const result = await recordTransfers(deps, buildRange(buildBlocks(100n, 102n), transfers, quotes));
    expect(result.recorded).toMatchObject([
      { status: 'success', confirmedAtMs: clock.now(), logIndex: -1, contract: null },
    ]);
    expect(result.orderStatuses.get(order.orderId)).toEqual(parseOrderWireStatus('Successful'));
  });

  it('does not count another token sent to the address, nor a zero transfer', async ({ t, deps, seed }) => {
    const { order, quotes } = await seed({ merchantOrderId: 'o1', priceUsd: '10', symbols: ['USDT'] });
    const address = (quotes[0] as WatchedQuote).address;
    const transfers = [
      buildTransfer({ txid: 1, block: 100n, to: address, symbol: 'USDC', amount: 10n * UNIT }),
      buildTransfer({ txid: 2, block: 100n, to: address, symbol: 'ETH', amount: 10n ** 18n }),
      buildTransfer({ txid: 3, block: 100n, to: address, symbol: 'USDT', amount: 0n }),
    ];
    const result = await recordTransfers(deps, buildRange(buildBlocks(100n, 103n), transfers, quotes));
    expect(result.recorded).toEqual([]);
    expect(result.unmatched).toEqual(transfers);
    expect(await t.store.payments.listPaymentsForOrders([order.orderId])).toEqual([]);
  });

  it("counts a payment to an older quote's address by its USD value", async ({ deps, seed }) => {
    const { order, quotes } = await seed({ merchantOrderId: 'o1', priceUsd: '10', symbols: ['ETH', 'USDT'] });
    const [ethQuote] = quotes as [WatchedQuote, WatchedQuote];
    const transfers = [
      buildTransfer({ txid: 1, block: 100n, to: ethQuote.address, symbol: 'ETH', amount: ethQuote.amount }),
    ];
    const result = await recordTransfers(deps, buildRange(buildBlocks(100n, 102n), transfers, quotes));
    expect(result.orderStatuses.get(order.orderId)).toEqual(parseOrderWireStatus('Successful'));
  });

  it('keeps only the newest retained block hashes', async ({ t, deps }) => {
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
