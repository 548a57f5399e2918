// Guards against a reorg that leaves orphaned payments counted, forgets to rewind the cursor, or blocks the re-mined transfer from being recorded again.
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
import { rewindChain } from './rewindChain.ts';

describe.each(testDatabases())('rewindChain ($kind)', (database) => {
  let t: TestStore;
  let app: App;
  let deps: Parameters<typeof recordTransfers>[0];
  const clock = createTestClock();

  beforeEach(async () => {
    ({ t, app, deps } = await openWatcherTestStore(database, clock));
  });
  afterEach(async () => t.dispose());

  it('fails the payments of orphaned blocks, puts the order back and rescans from the fork; the re-mined transfer is a new record', async () => {
    const { order, quotes } = await seedWatchedOrder(deps, {
      app,
      merchantOrderId: 'o1',
      priceUsd: '10',
      symbols: ['USDT'],
    });
    const quote = quotes[0] as WatchedQuote;
    const findQuote = (address: string) => (address === quote.address ? quote : undefined);
    const early = buildTransfer({ txid: 1, block: 100n, to: quote.address, symbol: 'USDT', amount: 4_000_000n });
    const late = buildTransfer({ txid: 2, block: 103n, to: quote.address, symbol: 'USDT', amount: 6_000_000n });
    await recordTransfers(deps, {
      network: SYNTHETIC_NETWORK,
      blocks: buildBlocks(100n, 105n),
      transfers: [early, late],
      findQuote,
      retainedBlocks: 256,
    });
    expect((await t.store.orders.findOrder(order.orderId))?.status).toEqual(parseOrderWireStatus('Successful'));

    const orphanedBlocks = (await t.store.chain.listBlocks('DEV')).filter((b) => b.blockNumber > 101n);
    const { failed, orderStatuses } = await rewindChain(deps, {
      network: SYNTHETIC_NETWORK,
      forkBlock: 101n,
      orphanedBlocks,
    });
    expect(failed.map((p) => p.txid)).toEqual([late.txid]);
    expect(orderStatuses.get(order.orderId)).toEqual(parseOrderWireStatus('Underpayment'));
    expect(await t.store.chain.findCursor('DEV')).toBe(102n);
    expect((await t.store.chain.listBlocks('DEV')).map((b) => b.blockNumber)).toEqual([100n, 101n]);
    const afterRewind = await t.store.payments.listPaymentsForOrders([order.orderId]);
    expect(afterRewind.map((p) => p.status)).toEqual(['success', 'failed']);
    const events = (await t.store.deliveries.listDeliveries({ limit: 10 })).map((d) => [d.recordId, d.event]);
    expect(events).toContainEqual([failed[0]?.recordId, 'failed']);

    // The same transaction, mined again one block later on the new branch.
    const remined = buildTransfer({
      txid: 2,
      block: 104n,
      to: quote.address,
      symbol: 'USDT',
      amount: 6_000_000n,
      fork: 'b',
    });
    const result = await recordTransfers(deps, {
      network: SYNTHETIC_NETWORK,
      blocks: buildBlocks(102n, 106n, 'b'),
      transfers: [remined],
      findQuote,
      retainedBlocks: 256,
    });
    expect(result.recorded).toHaveLength(1);
    expect(result.recorded[0]?.recordId).not.toBe(failed[0]?.recordId);
    expect(result.orderStatuses.get(order.orderId)).toEqual(parseOrderWireStatus('Successful'));
    // And only once: the live transfer key is unique again.
    const again = await recordTransfers(deps, {
      network: SYNTHETIC_NETWORK,
      blocks: buildBlocks(102n, 106n, 'b'),
      transfers: [remined],
      findQuote,
      retainedBlocks: 256,
    });
    expect(again.recorded).toEqual([]);
    expect(await t.store.payments.listPaymentsForOrders([order.orderId])).toHaveLength(3);
  });

  it('writes no failed webhook for a payment the merchant never heard of', async () => {
    const { quotes } = await seedWatchedOrder(deps, { app, merchantOrderId: 'o1', priceUsd: '10', symbols: ['USDT'] });
    const quote = quotes[0] as WatchedQuote;
    const transfer = buildTransfer({ txid: 1, block: 105n, to: quote.address, symbol: 'USDT', amount: 1_000_000n });
    await recordTransfers(deps, {
      network: SYNTHETIC_NETWORK,
      blocks: buildBlocks(100n, 105n),
      transfers: [transfer],
      findQuote: () => quote,
      retainedBlocks: 256,
    });
    const orphanedBlocks = (await t.store.chain.listBlocks('DEV')).filter((b) => b.blockNumber > 103n);
    const { failed } = await rewindChain(deps, { network: SYNTHETIC_NETWORK, forkBlock: 103n, orphanedBlocks });
    expect(failed).toHaveLength(1);
    expect(await t.store.deliveries.listDeliveries({ limit: 10 })).toEqual([]);
  });
});
