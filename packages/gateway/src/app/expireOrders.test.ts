// Guards against expiring orders too early, expiring orders that hold confirmed funds, or sending webhooks for expiry.
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
import { expireOrders } from './expireOrders.ts';
import { recordTransfers } from './recordTransfers.ts';

describe.each(testDatabases())('expireOrders ($kind)', (database) => {
  let t: TestStore;
  let app: App;
  let deps: Parameters<typeof recordTransfers>[0];
  const clock = createTestClock();

  beforeEach(async () => {
    ({ t, app, deps } = await openWatcherTestStore(database, clock));
  });
  afterEach(async () => t.dispose());

  it('expires unpaid orders at the end of their valid period, in batches, and leaves paid ones alone', async () => {
    const unpaid = [];
    for (let i = 0; i < 5; i += 1) {
      unpaid.push(
        (
          await seedWatchedOrder(deps, {
            app,
            merchantOrderId: `u${i}`,
            priceUsd: '1',
            symbols: [],
            validPeriodSeconds: 60,
          })
        ).order,
      );
    }
    const longer = await seedWatchedOrder(deps, {
      app,
      merchantOrderId: 'long',
      priceUsd: '1',
      symbols: [],
      validPeriodSeconds: 120,
    });
    const paid = await seedWatchedOrder(deps, {
      app,
      merchantOrderId: 'paid',
      priceUsd: '1',
      symbols: ['USDT'],
      validPeriodSeconds: 60,
    });
    const quote = paid.quotes[0] as WatchedQuote;
    await recordTransfers(deps, {
      network: SYNTHETIC_NETWORK,
      blocks: buildBlocks(1n, 3n),
      transfers: [buildTransfer({ txid: 1, block: 1n, to: quote.address, symbol: 'USDT', amount: 400_000n })],
      findQuote: () => quote,
      retainedBlocks: 256,
    });
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
