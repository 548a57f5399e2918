// Risk: a buyer is held to a volatile coin's stale price (or re-priced after paying, or twice at once), or a stablecoin quote moves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_CHAIN_XPUB } from '../../test/fixtures/devChain.ts';
import { createSequentialIds } from '../../test/support/createSequentialIds.ts';
import { createTestClock } from '../../test/support/createTestClock.ts';
import { DEV_NETWORK_SETTINGS } from '../../test/support/devNetworkSettings.ts';
import { insertQuotePayment } from '../../test/support/insertQuotePayment.ts';
import { insertTestApp } from '../../test/support/insertTestApp.ts';
import { openTestStore, type TestStore } from '../../test/support/openTestStore.ts';
import { testDatabases } from '../../test/support/testDatabases.ts';
import { deriveDepositAddress } from '../adapters/chains/evm/deriveDepositAddress.ts';
import { createFixedRateSource } from '../adapters/rates/createFixedRateSource.ts';
import { readNetworks } from '../config/networks/readNetworks.ts';
import type { App } from '../core/App.ts';
import { KassaError } from '../core/KassaError.ts';
import type { Order } from '../core/Order.ts';
import type { Quote } from '../core/Quote.ts';
import { parseCheckoutRequest } from '../protocol/request/parseCheckoutRequest.ts';
import { createOrder } from './createOrder.ts';
import { type RefreshQuoteDeps, refreshQuote } from './refreshQuote.ts';
import { type SelectCoinDeps, selectCoin } from './selectCoin.ts';

const networks = readNetworks({
  DEV: {
    ...DEV_NETWORK_SETTINGS,
    xpub: DEV_CHAIN_XPUB,
    tokens: [
      ...DEV_NETWORK_SETTINGS.tokens,
      { symbol: 'BNB', contract: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512', decimals: 18 },
    ],
  },
});
const tokenIdOf = (symbol: string): string => {
  const token = networks[0]?.tokens.find((t) => t.symbol === symbol);
  if (token === undefined) throw new Error(`no ${symbol}`);
  return token.tokenId;
};
const MINUTE_MS = 60_000;

describe.each(testDatabases())('refreshQuote ($kind)', (database) => {
  let t: TestStore;
  let app: App;
  const clock = createTestClock();
  const ids = createSequentialIds();
  let n = 0;

  // A fixed source is a real adapter: a new one per price stands for the market moving.
  const depsAt = (prices: Record<string, string>): SelectCoinDeps & RefreshQuoteDeps => ({
    store: t.store,
    clock,
    networks,
    rateSource: createFixedRateSource({ prices, now: clock.now }),
    // ETH keeps the 30-minute default; BNB gets 10 minutes.
    quoteLifetimes: { defaultSeconds: 1_800, bySymbol: { BNB: 600 } },
    deriveDepositAddress,
  });

  beforeAll(async () => {
    t = await openTestStore(database);
    app = await insertTestApp(t.store, clock.now());
  });
  afterAll(async () => t.dispose());

  const newOrder = (price = '100', validPeriodSeconds = 86_400): Promise<Order> =>
    createOrder(
      { store: t.store, clock, ids, latePaymentWindowSeconds: 600 },
      {
        app,
        request: parseCheckoutRequest({
          merchant_order_id: `m-${++n}`,
          product_price: price,
          product_name: 'Tea',
          order_valid_period: validPeriodSeconds,
        }),
      },
    );
  const storedQuote = async (quote: Quote): Promise<Quote | undefined> =>
    (await t.store.quotes.listQuotesForOrders([quote.orderId])).find((q) => q.quoteId === quote.quoteId);
  const insertPayment = (quote: Quote, status: 'processing' | 'failed') =>
    insertQuotePayment(t.kassaDb, {
      quote,
      recordId: ids.createId(),
      txid: `0x${String(quote.quoteId).padStart(64, '0')}`,
      logIndex: -1,
      amount: '1',
      status,
      seenAtMs: clock.now(),
    });

  it('keeps the price for the lifetime, then re-prices at the fresh rate with the same address', async () => {
    const order = await newOrder('100');
    const quote = await selectCoin(depsAt({ ETH: '3000' }), { order, tokenId: tokenIdOf('ETH') });
    expect(quote.amount).toBe(33_333_333_333_333_334n);
    const market = depsAt({ ETH: '2500' });
    clock.advance(30 * MINUTE_MS - 1);
    expect(await refreshQuote(market, { order, quote })).toEqual(quote);
    clock.advance(1);
    const repriced = await refreshQuote(market, { order, quote });
    // 100 / 2500 ETH exactly; the address, its index and the quote id do not change.
    expect(repriced).toEqual({ ...quote, tokenRate: '2500', amount: 40_000_000_000_000_000n, pricedAtMs: clock.now() });
    expect(await storedQuote(quote)).toEqual(repriced);
    // Idempotent: asked again (even with the quote as first seen) it stays as re-priced.
    expect(await refreshQuote(depsAt({ ETH: '2000' }), { order, quote })).toEqual(repriced);
    expect(await refreshQuote(depsAt({ ETH: '2000' }), { order, quote: repriced })).toEqual(repriced);
  });

  it('re-prices through selectCoin when the buyer picks the same coin again', async () => {
    const order = await newOrder('100');
    const quote = await selectCoin(depsAt({ ETH: '3000' }), { order, tokenId: tokenIdOf('ETH') });
    clock.advance(31 * MINUTE_MS);
    const again = await selectCoin(depsAt({ ETH: '4000' }), { order, tokenId: tokenIdOf('ETH') });
    expect(again).toEqual({ ...quote, tokenRate: '4000', amount: 25_000_000_000_000_000n, pricedAtMs: clock.now() });
    expect(await t.store.quotes.listQuotesForOrders([order.orderId])).toEqual([again]);
  });

  it('follows a per-coin lifetime', async () => {
    const order = await newOrder('60');
    const quote = await selectCoin(depsAt({ BNB: '600' }), { order, tokenId: tokenIdOf('BNB') });
    clock.advance(10 * MINUTE_MS);
    expect(await refreshQuote(depsAt({ BNB: '500' }), { order, quote })).toMatchObject({
      tokenRate: '500',
      amount: 120_000_000_000_000_000n,
    });
  });

  it('keeps the quote once any payment of the order was seen, even a failed one', async () => {
    for (const status of ['processing', 'failed'] as const) {
      const order = await newOrder('100');
      const quote = await selectCoin(depsAt({ ETH: '3000' }), { order, tokenId: tokenIdOf('ETH') });
      await insertPayment(quote, status);
      clock.advance(60 * MINUTE_MS);
      expect(await refreshQuote(depsAt({ ETH: '2500' }), { order, quote })).toEqual(quote);
      expect(await storedQuote(quote)).toEqual(quote);
    }
  });

  it('never re-prices stablecoins, token-priced orders or expired orders', async () => {
    const usdtOrder = await newOrder('100');
    const usdt = await selectCoin(depsAt({}), { order: usdtOrder, tokenId: tokenIdOf('USDT') });
    const shortOrder = await newOrder('100', 3600);
    const eth = await selectCoin(depsAt({ ETH: '3000' }), { order: shortOrder, tokenId: tokenIdOf('ETH') });
    clock.advance(2 * 60 * MINUTE_MS);
    // A stablecoin's fixed 1 USD would give the same amount; it is not even looked up again.
    expect(await refreshQuote(depsAt({ USDT: '0.5' }), { order: usdtOrder, quote: usdt })).toEqual(usdt);
    expect(await refreshQuote(depsAt({ ETH: '2500' }), { order: shortOrder, quote: eth })).toEqual(eth);
    const tokenPriced: Order = { ...usdtOrder, denominatedCurrency: 'token', priceUsdCents: null };
    expect(await refreshQuote(depsAt({ ETH: '2500' }), { order: tokenPriced, quote: eth })).toEqual(eth);
  });

  it('is rate_unavailable when no fresh rate exists at re-pricing time, and changes nothing', async () => {
    const order = await newOrder('100');
    const quote = await selectCoin(depsAt({ ETH: '3000' }), { order, tokenId: tokenIdOf('ETH') });
    clock.advance(30 * MINUTE_MS);
    const error = await refreshQuote(depsAt({}), { order, quote }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(KassaError);
    expect(error).toMatchObject({
      code: 'rate_unavailable',
      message: 'no fresh exchange rate for ETH (missing); try again shortly',
    });
    expect(await storedQuote(quote)).toEqual(quote);
  });

  it('re-prices once when many requests look at the same expired quote at once', async () => {
    const order = await newOrder('100');
    const quote = await selectCoin(depsAt({ ETH: '3000' }), { order, tokenId: tokenIdOf('ETH') });
    clock.advance(30 * MINUTE_MS);
    const results = await Promise.all(
      // Each request has its own view of the market; only the first write may stand.
      Array.from({ length: 20 }, (_, i) => refreshQuote(depsAt({ ETH: String(2000 + i) }), { order, quote })),
    );
    const stored = await storedQuote(quote);
    expect(stored?.pricedAtMs).toBe(clock.now());
    expect(stored?.tokenRate).not.toBe('3000');
    for (const result of results) expect(result).toEqual(stored);
  });
});
