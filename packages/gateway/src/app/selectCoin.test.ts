// Risk: two orders sharing a deposit address, addresses or quotes without bound per order, an address burnt or a price changed on a re-pick, concurrent picks racing, or the coin changing after money arrived.
import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequentialIds } from '../../test/support/createSequentialIds.ts';
import { createTestClock } from '../../test/support/createTestClock.ts';
import { DEV_NETWORK_SETTINGS, USDT_DEV } from '../../test/support/devNetworkSettings.ts';
import { insertQuotePayment } from '../../test/support/insertQuotePayment.ts';
import { insertTestApp } from '../../test/support/insertTestApp.ts';
import { openTestStore, type TestStore } from '../../test/support/openTestStore.ts';
import { reconnectTestStore } from '../../test/support/reconnectTestStore.ts';
import { testDatabases } from '../../test/support/testDatabases.ts';
import { deriveDepositAddress } from '../adapters/chains/evm/deriveDepositAddress.ts';
import { ANVIL_DEFAULT_MNEMONIC } from '../adapters/chains/evm/startAnvil.ts';
import { createSecretBox } from '../adapters/crypto/createSecretBox.ts';
import { createStore } from '../adapters/db/createStore.ts';
import { createFixedRateSource } from '../adapters/rates/createFixedRateSource.ts';
import { readNetworks } from '../config/networks/readNetworks.ts';
import type { App } from '../core/App.ts';
import { KassaError } from '../core/KassaError.ts';
import type { Order } from '../core/Order.ts';
import type { Quote } from '../core/Quote.ts';
import { TooManyQuotesError } from '../core/TooManyQuotesError.ts';
import { parseCheckoutRequest } from '../protocol/request/parseCheckoutRequest.ts';
import { createOrder } from './createOrder.ts';
import { getXpubId } from './getXpubId.ts';
import { MAX_QUOTES_PER_ORDER, type SelectCoinDeps, selectCoin } from './selectCoin.ts';

const XPUB = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/0'" }).getHdKey().publicExtendedKey;
const networks = readNetworks({ xpub: XPUB, BSC: { rpcUrls: ['http://127.0.0.1:1'] }, DEV: DEV_NETWORK_SETTINGS });
const tokenIdOf = (networkKey: string, symbol: string) => {
  const token = networks.find((n) => n.key === networkKey)?.tokens.find((t) => t.symbol === symbol);
  if (token === undefined) throw new Error(`no ${symbol} on ${networkKey}`);
  return token.tokenId;
};
const DEV_USDT = tokenIdOf('DEV', 'USDT');
const DEV_ETH = tokenIdOf('DEV', 'ETH');
const BSC_USDT = tokenIdOf('BSC', 'USDT');
const BSC_BNB = tokenIdOf('BSC', 'BNB');

/** The error a promise rejects with (a test fails if it resolves). */
async function rejectionOf(promise: Promise<unknown>): Promise<KassaError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KassaError);
  return error as KassaError;
}

describe.each(testDatabases())('selectCoin ($kind)', (database) => {
  let t: TestStore;
  let app: App;
  let deps: SelectCoinDeps;
  const clock = createTestClock();
  const ids = createSequentialIds();
  let n = 0;

  beforeAll(async () => {
    t = await openTestStore(database);
    app = await insertTestApp(t.store, clock.now());
    deps = {
      store: t.store,
      clock,
      networks,
      rateSource: createFixedRateSource({ prices: { ETH: '3000' }, now: clock.now }),
      quoteLifetimes: { defaultSeconds: 1_800, bySymbol: {} },
      deriveDepositAddress,
    };
  });
  afterAll(async () => t.dispose());

  const newOrder = (price = '10', store = t.store): Promise<Order> =>
    createOrder(
      { store, clock, ids, latePaymentWindowSeconds: 600 },
      {
        app,
        request: parseCheckoutRequest({
          merchant_order_id: `m-${++n}`,
          product_price: price,
          product_name: 'Tea',
          order_valid_period: 3600,
        }),
      },
    );
  const nextIndex = () => t.store.addresses.allocateIndex(getXpubId(XPUB));
  const insertPayment = (quote: Quote) =>
    insertQuotePayment(t.kassaDb, {
      quote,
      recordId: ids.createId(),
      txid: `0x${'ab'.repeat(32)}`,
      logIndex: quote.quoteId,
      amount: '1',
      status: 'processing',
      seenAtMs: clock.now(),
    });

  /**
   * The store a second gateway process would use. PostgreSQL: a second connection pool. SQLite
   * serves one process, whose writers take turns on its one connection: a second connection in this
   * same thread would wait for the first one's transaction synchronously and so stall it, which two
   * real processes do not, so on SQLite both "processes" share the store.
   */
  const openOtherProcessStore = () => {
    if (database.kind === 'sqlite') return { otherStore: t.store, close: async () => {} };
    const other = reconnectTestStore(t);
    return { otherStore: createStore(other, createSecretBox(t.masterKey)), close: () => other.close() };
  };

  it('prices a USD order at the fixed rate, rounding up, at the next address of the xpub', async () => {
    const order = await newOrder('10');
    const index = (await nextIndex()) + 1;
    const eth = await selectCoin(deps, { order, tokenId: DEV_ETH });
    expect(eth).toEqual({
      quoteId: eth.quoteId,
      orderId: order.orderId,
      networkKey: 'DEV',
      tokenId: DEV_ETH,
      symbol: 'ETH',
      contract: null,
      decimals: 18,
      tokenRate: '3000',
      // 10 / 3000 ETH = 0.00333… → rounded up in wei.
      amount: 3_333_333_333_333_334n,
      address: deriveDepositAddress(XPUB, index).toLowerCase(),
      addressIndex: index,
      xpubId: getXpubId(XPUB),
      createdAtMs: clock.now(),
      pricedAtMs: clock.now(),
    });
    const usdt = await selectCoin(deps, { order: await newOrder('19.99'), tokenId: DEV_USDT });
    expect(usdt).toMatchObject({
      symbol: 'USDT',
      contract: USDT_DEV.toLowerCase(),
      tokenRate: '1',
      amount: 19_990_000n,
      addressIndex: index + 1,
    });
    expect(usdt.address).toBe(usdt.address.toLowerCase());
  });

  it('returns the same quote when the newest coin is picked again, without burning an address', async () => {
    const order = await newOrder();
    const first = await selectCoin(deps, { order, tokenId: DEV_USDT });
    clock.advance(60_000);
    expect(await selectCoin(deps, { order, tokenId: DEV_USDT })).toEqual(first);
    expect(await nextIndex()).toBe(first.addressIndex + 1);
    expect(await t.store.quotes.listQuotesForOrders([order.orderId])).toEqual([first]);
  });

  it('keeps one deposit address per network: switching tokens there, or back, reuses it', async () => {
    const order = await newOrder();
    const before = await nextIndex();
    const usdt = await selectCoin(deps, { order, tokenId: DEV_USDT });
    const eth = await selectCoin(deps, { order, tokenId: DEV_ETH });
    const bscUsdt = await selectCoin(deps, { order, tokenId: BSC_USDT });
    const usdtAgain = await selectCoin(deps, { order, tokenId: DEV_USDT });
    expect(bscUsdt).toMatchObject({ networkKey: 'BSC', decimals: 18, amount: 10n * 10n ** 18n });
    expect(usdtAgain.quoteId).toBeGreaterThan(bscUsdt.quoteId);
    // Each pick is its own quote (the newest is shown), but DEV's three share DEV's one address.
    expect(eth.address).toBe(usdt.address);
    expect(usdtAgain).toMatchObject({ address: usdt.address, addressIndex: usdt.addressIndex });
    expect(bscUsdt.address).not.toBe(usdt.address);
    // BSC and DEV share the xpub, so they share its counter: two networks, two indexes taken.
    expect(await nextIndex()).toBe(before + 3);
    expect(await t.store.quotes.listQuotesForOrders([order.orderId])).toEqual([usdt, eth, bscUsdt, usdtAgain]);
  });

  it(`refuses more than ${MAX_QUOTES_PER_ORDER} quotes per order; the shown coin can still be picked`, async () => {
    const order = await newOrder();
    const before = await nextIndex();
    const picks: Quote[] = [];
    for (let i = 0; i < MAX_QUOTES_PER_ORDER; i++) {
      picks.push(await selectCoin(deps, { order, tokenId: i % 2 === 0 ? DEV_USDT : DEV_ETH }));
    }
    const error = await rejectionOf(selectCoin(deps, { order, tokenId: DEV_USDT }));
    expect(error).toBeInstanceOf(TooManyQuotesError);
    expect(error.code).toBe('invalid_param');
    expect(error.message).toBe(
      `token_id: this order's coin was changed too often (at most ${MAX_QUOTES_PER_ORDER} quotes)`,
    );
    // Another network would need no more than one more address, but the cap counts quotes.
    expect((await rejectionOf(selectCoin(deps, { order, tokenId: BSC_USDT }))).code).toBe('invalid_param');
    const newest = picks.at(-1) as Quote;
    expect(await selectCoin(deps, { order, tokenId: newest.tokenId })).toEqual(newest);
    expect(await t.store.quotes.listQuotesForOrders([order.orderId])).toEqual(picks);
    expect(new Set(picks.map((q) => q.address)).size).toBe(1);
    expect(await nextIndex()).toBe(before + 2);
  });

  it('fixes the coin once any payment was seen: the same coin returns the quote, another is refused', async () => {
    const order = await newOrder();
    const usdt = await selectCoin(deps, { order, tokenId: DEV_USDT });
    const eth = await selectCoin(deps, { order, tokenId: DEV_ETH });
    // The buyer paid into the older USDT address after switching: still, money arrived.
    await insertPayment(usdt);
    expect(await selectCoin(deps, { order, tokenId: DEV_ETH })).toEqual(eth);
    const error = await rejectionOf(selectCoin(deps, { order, tokenId: DEV_USDT }));
    expect(error.code).toBe('invalid_param');
    expect(error.message).toBe(
      'token_id: cannot change the coin of this order: a payment was already received in ETH on DEV',
    );
    expect(await t.store.quotes.listQuotesForOrders([order.orderId])).toEqual([usdt, eth]);
  });

  it('refuses unknown tokens and tokens of networks not on offer', async () => {
    const order = await newOrder();
    const unknown = await rejectionOf(selectCoin(deps, { order, tokenId: 'not-a-token' }));
    expect(unknown.code).toBe('unsupported_token');
    // USDT on ETH has a token id, but ETH has no RPC URL here.
    const ethUsdt = await rejectionOf(selectCoin(deps, { order, tokenId: '8eca27a5-57fd-5f9e-a4b2-bf3f4aa7b713' }));
    expect(ethUsdt.code).toBe('unsupported_token');
  });

  it('refuses a new quote from the moment the order expires', async () => {
    const order = await newOrder();
    const start = clock.now();
    clock.set(order.expiresAtMs - 1);
    await selectCoin(deps, { order, tokenId: DEV_USDT });
    clock.set(order.expiresAtMs);
    const error = await rejectionOf(selectCoin(deps, { order, tokenId: DEV_ETH }));
    expect(error.code).toBe('invalid_param');
    expect(error.message).toBe('order: expired');
    clock.set(start);
  });

  it('is rate_unavailable without a rate, and burns no address then', async () => {
    const order = await newOrder();
    const before = await nextIndex();
    const error = await rejectionOf(selectCoin(deps, { order, tokenId: BSC_BNB }));
    expect(error.code).toBe('rate_unavailable');
    const stale = await rejectionOf(
      selectCoin(
        { ...deps, rateSource: { getRate: () => ({ ok: false, reason: 'stale' }) } },
        { order, tokenId: DEV_USDT },
      ),
    );
    expect(stale.code).toBe('rate_unavailable');
    expect(stale.message).toMatch(/USDT \(stale\)/);
    expect(await nextIndex()).toBe(before + 1);
    expect(await t.store.quotes.listQuotesForOrders([order.orderId])).toEqual([]);
  });

  it('hands 50 concurrent picks on 50 orders 50 different addresses', async () => {
    const orders = await Promise.all(Array.from({ length: 50 }, () => newOrder()));
    const quotes = await Promise.all(
      orders.map((order, i) => selectCoin(deps, { order, tokenId: i % 2 === 0 ? DEV_USDT : BSC_USDT })),
    );
    expect(new Set(quotes.map((q) => q.address)).size).toBe(50);
    expect(new Set(quotes.map((q) => q.addressIndex)).size).toBe(50);
    for (const q of quotes) expect(q.address).toBe(deriveDepositAddress(XPUB, q.addressIndex).toLowerCase());
  });

  it('hands different addresses to two processes picking at once (two connection pools)', async () => {
    const { otherStore, close } = openOtherProcessStore();
    try {
      const orders = await Promise.all(
        Array.from({ length: 50 }, (_, i) => newOrder('10', i % 2 === 0 ? t.store : otherStore)),
      );
      const quotes = await Promise.all(
        orders.map((order, i) =>
          selectCoin({ ...deps, store: i % 2 === 0 ? t.store : otherStore }, { order, tokenId: DEV_USDT }),
        ),
      );
      expect(new Set(quotes.map((q) => q.address)).size).toBe(50);
      // Every address ever handed out, by any test above, belongs to one order.
      const all = await t.kassaDb.db.selectFrom('quotes').select(['order_id', 'address']).distinct().execute();
      expect(new Set(all.map((q) => q.address)).size).toBe(all.length);
    } finally {
      await close();
    }
  });

  it('makes one quote for 12 concurrent picks of one coin on one order, from two processes', async () => {
    const { otherStore, close } = openOtherProcessStore();
    try {
      const order = await newOrder();
      const picks = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          selectCoin({ ...deps, store: i % 2 === 0 ? t.store : otherStore }, { order, tokenId: DEV_USDT }),
        ),
      );
      const quotes = await t.store.quotes.listQuotesForOrders([order.orderId]);
      expect(quotes).toHaveLength(1);
      for (const pick of picks) expect(pick).toEqual(quotes[0]);
    } finally {
      await close();
    }
  });

  it('keeps concurrent picks of different coins within the cap, one address per network and order', async () => {
    const orders = await Promise.all([newOrder(), newOrder(), newOrder()]);
    const coins = [DEV_USDT, DEV_ETH, BSC_USDT];
    const settled = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) =>
        selectCoin(deps, { order: orders[i % 3] as Order, tokenId: coins[Math.floor(i / 3) % 3] as string }),
      ),
    );
    for (const outcome of settled) {
      if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(TooManyQuotesError);
    }
    const quotes = await t.store.quotes.listQuotesForOrders(orders.map((o) => o.orderId));
    for (const order of orders) {
      const own = quotes.filter((q) => q.orderId === order.orderId);
      expect(own.length).toBeLessThanOrEqual(MAX_QUOTES_PER_ORDER);
      expect(new Set(own.map((q) => `${q.networkKey} ${q.address}`)).size).toBe(
        new Set(own.map((q) => q.networkKey)).size,
      );
    }
    // No address, of any order any test here made, belongs to two orders.
    const all = await t.kassaDb.db.selectFrom('quotes').select(['order_id', 'address']).distinct().execute();
    expect(new Set(all.map((q) => q.address)).size).toBe(all.length);
  });
});
