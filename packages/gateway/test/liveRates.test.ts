// Risk: a volatile coin is quoted from a cached, stale, outlying or contradictory exchange price, or a buyer is held to an outlived quote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveTokenId } from '../src/adapters/chains/evm/deriveTokenId.ts';
import { refreshQuote } from '../src/app/refreshQuote.ts';
import { selectCoin } from '../src/app/selectCoin.ts';
import type { Order } from '../src/core/Order.ts';
import { DEV_CHAIN_XPUB } from './fixtures/devChain.ts';
import { readRateFixture } from './fixtures/rates/readRateFixture.ts';
import { type FixtureResponse, type FixtureServer, startFixtureServer } from './fixtures/rates/startFixtureServer.ts';
import { DEV_NETWORK_SETTINGS, USDT_DEV } from './support/devNetworkSettings.ts';
import { insertQuotePayment } from './support/insertQuotePayment.ts';
import { postAsTestApp } from './support/postAsTestApp.ts';
import { startTestGateway, type TestGateway } from './support/startTestGateway.ts';
import { testDatabases } from './support/testDatabases.ts';

type Exchange = 'binance' | 'coinbase' | 'kraken';

const DEV_USDT = deriveTokenId('DEV', USDT_DEV);
const DEV_ETH = deriveTokenId('DEV', null);
const CACHE_MS = 30_000;
const STALE_MS = 90_000;
const LIFETIME_MS = 900_000;

// Each exchange answers on its real path in its real format: ETH at its own current price, or the
// failure it is set to (its recorded rate-limit or error answer).
let server: FixtureServer;
const prices: Record<Exchange, string> = { binance: '', coinbase: '', kraken: '' };
const failures: Partial<Record<Exchange, FixtureResponse>> = {};

function serveExchanges(url: URL): FixtureResponse {
  if (url.pathname === '/api/v3/ticker/price') {
    return failures.binance ?? { status: 200, body: JSON.stringify([{ symbol: 'ETHUSDT', price: prices.binance }]) };
  }
  if (url.pathname === '/products/ETH-USD/ticker') {
    return (
      failures.coinbase ?? {
        status: 200,
        body: JSON.stringify({ price: prices.coinbase, time: '2025-01-15T12:34:56Z' }),
      }
    );
  }
  if (url.pathname === '/0/public/Ticker') {
    return (
      failures.kraken ?? {
        status: 200,
        body: JSON.stringify({ error: [], result: { XETHZUSD: { c: [prices.kraken, '0.1'] } } }),
      }
    );
  }
  return { status: 404, body: '{"message":"NotFound"}' };
}

function setPrices(next: Record<Exchange, string>): void {
  Object.assign(prices, next);
  for (const name of Object.keys(failures) as Exchange[]) delete failures[name];
}

const RATE_LIMITED: Record<Exchange, FixtureResponse> = {
  binance: { status: 429, body: readRateFixture('binance', 'rate-limited.json'), headers: { 'retry-after': '1' } },
  coinbase: { status: 429, body: readRateFixture('coinbase', 'rate-limited.json') },
  kraken: { status: 200, body: readRateFixture('kraken', 'rate-limited.json') },
};

beforeAll(async () => {
  server = await startFixtureServer();
  server.respond(serveExchanges);
});
afterAll(() => server.close());

/** The gateway's config file: a DEV network with USDT and ETH, ETH priced by three exchanges on the fixture server. */
function configFile(): Record<string, unknown> {
  return {
    networks: { DEV: { ...DEV_NETWORK_SETTINGS, xpub: DEV_CHAIN_XPUB } },
    rates: {
      timeoutMs: 2_000,
      exchanges: {
        binance: { baseUrl: server.baseUrl },
        coinbase: { baseUrl: server.baseUrl },
        kraken: { baseUrl: server.baseUrl },
      },
      tokens: {
        ETH: {
          sources: ['binance', 'coinbase', 'kraken'],
          cacheMs: CACHE_MS,
          staleMs: STALE_MS,
          maxSpread: '0.02',
          quoteLifetimeSeconds: LIFETIME_MS / 1000,
        },
      },
    },
  };
}

describe.each(testDatabases())('live exchange rates through the merchant API ($kind)', (database) => {
  let t: TestGateway;
  const logLines: string[] = [];
  let n = 0;
  beforeAll(async () => {
    setPrices({ binance: '3456.78', coinbase: '3460.00', kraken: '3450.10' });
    t = await startTestGateway(database, {
      configFile: configFile(),
      logger: { level: 'warn', stream: { write: (line: string) => logLines.push(line) } },
    });
  });
  afterAll(async () => t.stop());

  const post = (path: string, body: object) => postAsTestApp(t, path, JSON.stringify(body));
  const ethRate = () => post('token/rate', { amount: '100', token_id: DEV_ETH });
  const ethBill = () =>
    post('bill/create', {
      merchant_order_id: `bill-${++n}`,
      product_price: '100',
      token_id: DEV_ETH,
      denominated_currency: 'USD',
    });
  const requestCount = () => server.requests.length;
  /** Moves the clock past the cache lifetime and lets the refresher fetch what is due. */
  const nextRefresh = async () => {
    t.clock.advance(CACHE_MS);
    await t.gateway.refreshRates();
  };

  it('quotes nothing before the first fetch, then the median of the three exchanges', async () => {
    expect((await ethRate()).json).toEqual({
      code: 100011,
      msg: 'no fresh exchange rate for ETH (missing); try again shortly',
      data: null,
    });
    expect((await ethBill()).json.code).toBe(100011);
    const before = requestCount();
    await t.gateway.refreshRates();
    expect(requestCount() - before).toBe(3);
    // 100 / 3456.78 ETH, rounded up in wei.
    expect((await ethRate()).json).toEqual({
      code: 10000,
      msg: 'success',
      data: { price: '3456.78', value: '0.028928656148207292' },
    });
    expect((await ethBill()).json).toMatchObject({
      code: 10000,
      data: { amount: '0.028928656148207292', crypto: 'ETH' },
    });
  });

  it('serves prices from its cache until cacheMs has passed, and never fetches on the request path', async () => {
    setPrices({ binance: '3500', coinbase: '3501', kraken: '3499' });
    const before = requestCount();
    t.clock.advance(CACHE_MS - 1);
    await t.gateway.refreshRates();
    await ethRate();
    await ethBill();
    expect(requestCount()).toBe(before);
    expect((await ethRate()).json.data).toMatchObject({ price: '3456.78' });
    t.clock.advance(1);
    await t.gateway.refreshRates();
    expect(requestCount() - before).toBe(3);
    expect((await ethRate()).json.data).toMatchObject({ price: '3500' });
  });

  it('refuses prices that disagree by more than maxSpread, and quotes again once they agree', async () => {
    // (3600 − 3456.78) / 3460 ≈ 4.1 % > 2 %.
    setPrices({ binance: '3456.78', coinbase: '3460', kraken: '3600' });
    await nextRefresh();
    expect((await ethRate()).json).toMatchObject({
      code: 100011,
      msg: 'no fresh exchange rate for ETH (disagree); try again shortly',
    });
    expect((await ethBill()).json.code).toBe(100011);
    // (3520 − 3456.78) / 3460 ≈ 1.8 %: within the limit, so the median stands.
    setPrices({ binance: '3456.78', coinbase: '3460', kraken: '3520' });
    await nextRefresh();
    expect((await ethRate()).json.data).toMatchObject({ price: '3460' });
  });

  it('refuses a stale rate instead of guessing, keeps stablecoins, and logs every failed fetch', async () => {
    const linesBefore = logLines.length;
    Object.assign(failures, RATE_LIMITED);
    // The last good prices were fetched just now; they count until STALE_MS has passed.
    for (let elapsedMs = CACHE_MS; elapsedMs < STALE_MS; elapsedMs += CACHE_MS) {
      await nextRefresh();
      expect((await ethRate()).json.code).toBe(10000);
    }
    await nextRefresh();
    expect((await ethRate()).json).toMatchObject({
      code: 100011,
      msg: 'no fresh exchange rate for ETH (stale); try again shortly',
    });
    expect((await ethBill()).json.code).toBe(100011);
    const usdt = await post('bill/create', {
      merchant_order_id: `bill-${++n}`,
      product_price: '100',
      token_id: DEV_USDT,
      denominated_currency: 'USD',
    });
    expect(usdt.json).toMatchObject({ code: 10000, data: { amount: '100', crypto: 'USDT' } });

    const logged = logLines.slice(linesBefore).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(new Set(logged.map((entry) => entry.source))).toEqual(new Set(['binance', 'coinbase', 'kraken']));
    for (const entry of logged) {
      expect(entry).toMatchObject({ level: 40, worker: 'rates', msg: 'exchange price fetch failed' });
      expect((entry.err as { message: string }).message).toMatch(/rate limited/);
    }

    // One exchange back is enough for a rate: the median of the fresh prices.
    setPrices({ binance: '3400', coinbase: '3401', kraken: '3402' });
    Object.assign(failures, { coinbase: RATE_LIMITED.coinbase, kraken: RATE_LIMITED.kraken });
    await nextRefresh();
    expect((await ethRate()).json.data).toMatchObject({ price: '3400' });
  });

  it('re-prices an expired quote with the fresh rate at the same address, and keeps one a payment was seen for', async () => {
    setPrices({ binance: '2000', coinbase: '2000', kraken: '2000' });
    await nextRefresh();
    const [paidOrder, unpaidOrder] = await Promise.all([hostedOrder(), hostedOrder()]);
    const unpaid = await selectCoin(t.gateway.deps, { order: unpaidOrder, tokenId: DEV_ETH });
    const paid = await selectCoin(t.gateway.deps, { order: paidOrder, tokenId: DEV_ETH });
    expect(unpaid).toMatchObject({ tokenRate: '2000', amount: 50_000_000_000_000_000n });
    n += 1;
    await insertQuotePayment(t.gateway.kassaDb, {
      quote: paid,
      recordId: `9${String(n).padStart(32, '0')}`,
      txid: `0x${String(n).padStart(64, '0')}`,
      logIndex: -1,
      amount: '1000',
      status: 'processing',
      seenAtMs: t.clock.now(),
    });

    // The market moves; both quotes outlive their 15 minutes.
    setPrices({ binance: '2500', coinbase: '2500', kraken: '2500' });
    while (t.clock.now() - unpaid.pricedAtMs < LIFETIME_MS) await nextRefresh();
    const repriced = await refreshQuote(t.gateway.deps, { order: unpaidOrder, quote: unpaid });
    expect(repriced).toEqual({
      ...unpaid,
      tokenRate: '2500',
      amount: 40_000_000_000_000_000n,
      pricedAtMs: t.clock.now(),
    });
    expect(await refreshQuote(t.gateway.deps, { order: paidOrder, quote: paid })).toEqual(paid);

    // The merchant sees the new price (and the kept one) in bill/info.
    const infos = await t.client.getOrders([unpaidOrder.merchantOrderId, paidOrder.merchantOrderId]);
    expect(infos.map((info) => [info.order_detail.order_amount, info.order_detail.token_rate])).toEqual([
      ['0.04', '2500'],
      ['0.05', '2000'],
    ]);
  });

  it('answers rate_unavailable when an expired quote meets a stale rate, and changes nothing', async () => {
    setPrices({ binance: '2500', coinbase: '2500', kraken: '2500' });
    await nextRefresh();
    const order = await hostedOrder();
    const quote = await selectCoin(t.gateway.deps, { order, tokenId: DEV_ETH });
    Object.assign(failures, RATE_LIMITED);
    while (t.clock.now() - quote.pricedAtMs < LIFETIME_MS) await nextRefresh();
    await expect(refreshQuote(t.gateway.deps, { order, quote })).rejects.toMatchObject({ code: 'rate_unavailable' });
    await expect(selectCoin(t.gateway.deps, { order, tokenId: DEV_ETH })).rejects.toMatchObject({
      code: 'rate_unavailable',
    });
    expect(await t.gateway.deps.store.quotes.listQuotesForOrders([order.orderId])).toEqual([quote]);
  });

  async function hostedOrder(): Promise<Order> {
    const merchantOrderId = `hosted-${++n}`;
    const created = await post('concise/url/get', {
      merchant_order_id: merchantOrderId,
      product_price: '100',
      product_name: 'Lamp',
    });
    expect(created.json.code).toBe(10000);
    const token = (created.json.data as { payment_url: string }).payment_url.split('/pay/')[1] ?? '';
    const order = await t.gateway.deps.store.orders.findOrderByCheckoutToken(token);
    if (order === null) throw new Error('order not stored');
    return order;
  }
});

describe('the rates worker', () => {
  it('fetches in the background once started, and stops with the other workers', async () => {
    setPrices({ binance: '3456.78', coinbase: '3460.00', kraken: '3450.10' });
    const [database] = testDatabases();
    if (database === undefined) throw new Error('no test database');
    const t = await startTestGateway(database, { configFile: configFile() });
    try {
      const before = requestCount();
      const stop = t.gateway.startWorkers({ roles: ['rates'] });
      // Real time passes here: the worker's first round starts at once. Its three requests reaching
      // the exchanges is not the end of the round: the rate counts once their answers are read.
      const rate = () => t.client.getTokenRate({ amount: '1', tokenId: DEV_ETH }).catch(() => null);
      let fetched = await rate();
      for (let i = 0; i < 250 && fetched === null; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        fetched = await rate();
      }
      expect(fetched).toMatchObject({ price: '3456.78' });
      expect(requestCount() - before).toBe(3);
      await stop();
      await expect(t.client.getTokenRate({ amount: '1', tokenId: DEV_ETH })).resolves.toMatchObject({
        price: '3456.78',
      });
    } finally {
      await t.stop();
    }
  });

  function requestCount(): number {
    return server.requests.length;
  }
});
