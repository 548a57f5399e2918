// Risk: two requests sharing a batch handed one address index, or a retried order id taking an index.
import { describe, expect } from 'vitest';
import { buildPaidOrder } from '../../../../test/support/buildPaidOrder.ts';
import { databaseTest as it } from '../../../../test/support/databaseTest.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import { createAddressStore } from '../createAddressStore.ts';

describe.each(testDatabases())('index allocators ($kind)', (database) => {
  it.override({ database });

  it('numbers each xpub on, in one batch or one at a time; an existing order gets null', async ({ t, app, clock }) => {
    const existing = buildPaidOrder({ n: 1, appId: app.appId, nowMs: clock.now() });
    await t.store.quotes.insertOrderWithQuote(existing.order, existing.quote);
    const batching = createAddressStore(t.kassaDb.db, t.kassaDb.dialect.createBatchingIndexAllocator(t.kassaDb.db));
    for (const addresses of [batching, t.store.addresses]) {
      const before = [await addresses.allocateIndex('a'), await addresses.allocateIndex('b')];
      const calls = Array.from({ length: 60 }, (_, i) => ({
        xpubId: i % 2 === 0 ? 'a' : 'b',
        // Every sixth asks for the order that exists: a retry.
        merchantOrderId: i % 6 === 0 ? existing.order.merchantOrderId : `new-${i}`,
      }));
      const indexes = await Promise.all(
        calls.map(({ xpubId, merchantOrderId }) =>
          addresses.allocateIndexForNewOrder(xpubId, { appId: app.appId, merchantOrderId }),
        ),
      );
      expect(indexes.map((index) => index === null)).toEqual(
        calls.map((call) => call.merchantOrderId === existing.order.merchantOrderId),
      );
      for (const [x, xpubId] of ['a', 'b'].entries()) {
        const got = indexes.filter((_, i) => calls[i]?.xpubId === xpubId && indexes[i] !== null) as number[];
        const first = (before[x] as number) + 1;
        expect([...got].sort((p, q) => p - q)).toEqual(Array.from({ length: got.length }, (_, k) => first + k));
        expect(await addresses.allocateIndex(xpubId)).toBe(first + got.length);
      }
    }
  });
});
