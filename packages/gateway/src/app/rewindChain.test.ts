// Guards against a reorg that leaves orphaned payments counted, forgets to rewind the cursor, or blocks the re-mined transfer from being recorded again.
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
import { rewindChain } from './rewindChain.ts';

describe.each(testDatabases())('rewindChain ($kind)', (database) => {
  it.override({ database });

  it('fails the payments of orphaned blocks, puts the order back and rescans from the fork; the re-mined transfer is a new record', async ({
    t,
    deps,
    seed,
  }) => {
    const { order, quotes } = await seed({ merchantOrderId: 'o1', priceUsd: '10', symbols: ['USDT'] });
    const quote = quotes[0] as WatchedQuote;
    const early = buildTransfer({ txid: 1, block: 100n, to: quote.address, symbol: 'USDT', amount: 4_000_000n });
    const late = buildTransfer({ txid: 2, block: 103n, to: quote.address, symbol: 'USDT', amount: 6_000_000n });
    await recordTransfers(deps, buildRange(buildBlocks(100n, 105n), [early, late], quotes));
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
    const result = await recordTransfers(deps, buildRange(buildBlocks(102n, 106n, 'b'), [remined], quotes));
    expect(result.recorded).toHaveLength(1);
    expect(result.recorded[0]?.recordId).not.toBe(failed[0]?.recordId);
    expect(result.orderStatuses.get(order.orderId)).toEqual(parseOrderWireStatus('Successful'));
    // And only once: the live transfer key is unique again.
    const again = await recordTransfers(deps, buildRange(buildBlocks(102n, 106n, 'b'), [remined], quotes));
    expect(again.recorded).toEqual([]);
    expect(await t.store.payments.listPaymentsForOrders([order.orderId])).toHaveLength(3);
  });

  it('writes no failed webhook for a payment the merchant never heard of', async ({ t, deps, seed }) => {
    const { quotes } = await seed({ merchantOrderId: 'o1', priceUsd: '10', symbols: ['USDT'] });
    const quote = quotes[0] as WatchedQuote;
    const transfer = buildTransfer({ txid: 1, block: 105n, to: quote.address, symbol: 'USDT', amount: 1_000_000n });
    await recordTransfers(deps, buildRange(buildBlocks(100n, 105n), [transfer], quotes));
    const orphanedBlocks = (await t.store.chain.listBlocks('DEV')).filter((b) => b.blockNumber > 103n);
    const { failed } = await rewindChain(deps, { network: SYNTHETIC_NETWORK, forkBlock: 103n, orphanedBlocks });
    expect(failed).toHaveLength(1);
    expect(await t.store.deliveries.listDeliveries({ limit: 10 })).toEqual([]);
  });
});
