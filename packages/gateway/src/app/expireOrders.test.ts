// Guards against expiring orders too early, expiring orders that hold confirmed funds, or sending webhooks for expiry.
import { describe, expect } from 'vitest';
import { buildBlocks } from '../../test/support/buildBlocks.ts';
import { buildRange } from '../../test/support/buildRange.ts';
import { buildTransfer } from '../../test/support/buildTransfer.ts';
import { watcherTest as it } from '../../test/support/databaseTest.ts';
import { testDatabases } from '../../test/support/testDatabases.ts';
import type { WatchedQuote } from '../core/ports.ts';
import { parseOrderWireStatus } from '../protocol/parseOrderWireStatus.ts';
import { expireOrders } from './expireOrders.ts';
import { recordTransfers } from './recordTransfers.ts';

describe.each(testDatabases())('expireOrders ($kind)', (database) => {
  it.override({ database });

  it('expires unpaid orders at the end of their valid period, in batches, and leaves paid ones alone', async ({
    t,
    clock,
    deps,
    seed,
  }) => {
    const unpaid = [];
    for (let i = 0; i < 5; i += 1) {
      unpaid.push((await seed({ merchantOrderId: `u${i}`, priceUsd: '1', symbols: [], validPeriodSeconds: 60 })).order);
    }
    const longer = await seed({ merchantOrderId: 'long', priceUsd: '1', symbols: [], validPeriodSeconds: 120 });
    const paid = await seed({ merchantOrderId: 'paid', priceUsd: '1', symbols: ['USDT'], validPeriodSeconds: 60 });
    const quote = paid.quotes[0] as WatchedQuote;
    const transfer = buildTransfer({ txid: 1, block: 1n, to: quote.address, symbol: 'USDT', amount: 400_000n });
    await recordTransfers(deps, buildRange(buildBlocks(1n, 3n), [transfer], paid.quotes));
    const deliveriesBefore = await t.store.deliveries.listDeliveries({ limit: 100 });

    clock.advance(59_999);
    expect(await expireOrders(deps)).toBe(0);
    clock.advance(1);
    expect(await expireOrders(deps, { batchSize: 2 })).toBe(5);
    expect(await expireOrders(deps)).toBe(0);
    for (const order of unpaid)
      expect((await t.store.orders.findOrder(order.orderId))?.status).toEqual(parseOrderWireStatus('Expired'));
    expect((await t.store.orders.findOrder(longer.order.orderId))?.status).toEqual(parseOrderWireStatus('Pending'));
    expect((await t.store.orders.findOrder(paid.order.orderId))?.status).toEqual(parseOrderWireStatus('Underpayment'));
    expect(await t.store.deliveries.listDeliveries({ limit: 100 })).toEqual(deliveriesBefore);
  });
});
