// Risk: the watcher's address set misses addresses loaded in pages, or keeps addresses (memory)
// after their order's late-payment window has closed.
import { describe, expect } from 'vitest';
import { watcherTest } from '../../../test/support/databaseTest.ts';
import { testDatabases } from '../../../test/support/testDatabases.ts';
import { createWatchedAddresses } from './createWatchedAddresses.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

describe.each(testDatabases())('createWatchedAddresses ($kind)', (database) => {
  watcherTest.override({ database });

  watcherTest('loads every watched quote through pages smaller than the set', async ({ deps, seed, clock }) => {
    const seeded = [];
    for (let i = 0; i < 5; i += 1)
      seeded.push(await seed({ merchantOrderId: `o-${i}`, priceUsd: '1', symbols: ['USDT'] }));
    // Both quotes of this order share no address, so the set holds 7 addresses.
    seeded.push(await seed({ merchantOrderId: 'o-two', priceUsd: '1', symbols: ['USDC', 'ETH'] }));
    const pages: number[] = [];
    const quotes = deps.store.quotes;
    const watched = createWatchedAddresses(
      {
        listWatchedQuotes: async (...args) => {
          const page = await quotes.listWatchedQuotes(...args);
          pages.push(page.length);
          return page;
        },
      },
      'DEV',
      { pageSize: 2 },
    );
    // Past the lookback, so the next refresh follows on from the newest id.
    clock.advance(HOUR_MS);
    await watched.refresh(clock.now());
    expect(pages).toEqual([2, 2, 2, 1]);
    expect(watched.size()).toBe(7);
    for (const { quotes: orderQuotes } of seeded) {
      for (const quote of orderQuotes) {
        expect(watched.isWatched(quote.address.toLowerCase() as `0x${string}`)).toBe(true);
        expect(watched.find(quote.address.toLowerCase(), quote.contract)).toMatchObject({
          quoteId: quote.quoteId,
          orderId: quote.orderId,
          contract: quote.contract,
        });
      }
    }
    // Incremental: nothing new, one short page.
    pages.length = 0;
    await watched.refresh(clock.now());
    expect(pages).toEqual([0]);
  });

  watcherTest('drops addresses once their watch window has closed', async ({ deps, seed, clock }) => {
    const early = await seed({ merchantOrderId: 'early', priceUsd: '1', symbols: ['USDT'] });
    clock.advance(DAY_MS);
    const late = await seed({ merchantOrderId: 'late', priceUsd: '1', symbols: ['USDT'] });
    const watched = createWatchedAddresses(deps.store.quotes, 'DEV', { pageSize: 1 });
    await watched.refresh(clock.now());
    expect(watched.size()).toBe(2);

    clock.set((early.order.watchUntilMs + late.order.watchUntilMs) / 2);
    await watched.refresh(clock.now());
    expect(watched.size()).toBe(1);
    expect(watched.isWatched(early.quotes[0]?.address.toLowerCase() as `0x${string}`)).toBe(false);

    clock.set(late.order.watchUntilMs + 1);
    await watched.refresh(clock.now());
    expect(watched.size()).toBe(0);
  });
});
