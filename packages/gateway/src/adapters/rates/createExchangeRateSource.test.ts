// Risk: a quote is priced from an old, throttled or outlying exchange price instead of being refused.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readRateFixture } from '../../../test/fixtures/rates/readRateFixture.ts';
import {
  type FixtureResponse,
  type FixtureServer,
  startFixtureServer,
} from '../../../test/fixtures/rates/startFixtureServer.ts';
import { type Decimal, formatDecimal, parseDecimal } from '../../core/money/Decimal.ts';
import type { RateSource } from '../../core/RateSource.ts';
import { createExchangeRateSource, type ExchangeRateToken } from './createExchangeRateSource.ts';
import type { ExchangeName } from './ExchangeName.ts';
import { fetchBinancePrices } from './fetchBinancePrices.ts';
import { fetchCoinbasePrices } from './fetchCoinbasePrices.ts';
import { fetchKrakenPrices } from './fetchKrakenPrices.ts';
import type { PriceFetcher } from './PriceFetcher.ts';
import { RateFetchError } from './RateFetchError.ts';

type ExchangeState = { price: string; failure: FixtureResponse | null; delayMs?: number };

let server: FixtureServer;
let exchanges: Record<ExchangeName, ExchangeState>;
let nowMs: number;
const now = (): number => nowMs;

beforeAll(async () => {
  server = await startFixtureServer();
  server.respond(serveExchanges);
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

function resetExchanges(prices: Record<ExchangeName, string>): void {
  nowMs = 1_700_000_000_000;
  exchanges = {
    binance: { price: prices.binance, failure: null },
    coinbase: { price: prices.coinbase, failure: null },
    kraken: { price: prices.kraken, failure: null },
  };
}

// Answers each exchange's real endpoint in its real format, with ETH at that exchange's current price.
function serveExchanges(url: URL): FixtureResponse {
  if (url.pathname === '/api/v3/ticker/price') {
    const { price, failure, delayMs } = exchanges.binance;
    return (
      failure ?? {
        status: 200,
        body: JSON.stringify([{ symbol: 'ETHUSDT', price }]),
        ...(delayMs === undefined ? {} : { delayMs }),
      }
    );
  }
  if (url.pathname === '/products/ETH-USD/ticker') {
    const { price, failure } = exchanges.coinbase;
    return failure ?? { status: 200, body: JSON.stringify({ price, time: '2025-01-15T12:34:56Z' }) };
  }
  if (url.pathname === '/0/public/Ticker') {
    const { price, failure } = exchanges.kraken;
    return failure ?? { status: 200, body: JSON.stringify({ error: [], result: { XETHZUSD: { c: [price, '0.1'] } } }) };
  }
  return { status: 404, body: '{"message":"NotFound"}' };
}

function countRequests(exchange: ExchangeName): number {
  const prefix = { binance: '/api/v3/', coinbase: '/products/', kraken: '/0/public/' }[exchange];
  return server.requests.filter((url) => url.pathname.startsWith(prefix)).length;
}

function decimal(text: string): Decimal {
  const parsed = parseDecimal(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

function bindFetchers(): Record<ExchangeName, PriceFetcher> {
  const common = { baseUrl: server.baseUrl, timeoutMs: 2_000 };
  return {
    binance: ({ symbols, signal }) => fetchBinancePrices({ ...common, symbols, signal }),
    coinbase: ({ symbols, signal }) => fetchCoinbasePrices({ ...common, symbols, signal }),
    kraken: ({ symbols, signal }) => fetchKrakenPrices({ ...common, symbols, signal }),
  };
}

function createSource(token: Partial<ExchangeRateToken> = {}, errors: unknown[] = []) {
  return createExchangeRateSource({
    tokens: [
      {
        symbol: 'ETH',
        sources: ['binance', 'coinbase', 'kraken'],
        cacheMs: 30_000,
        staleMs: 120_000,
        maxSpread: decimal('0.02'),
        ...token,
      },
    ],
    fetchers: bindFetchers(),
    now,
    backoff: { initialMs: 1_000, maxMs: 60_000 },
    onFetchError: (error) => errors.push(error),
  });
}

function getRateText(source: RateSource, symbol = 'ETH'): string {
  const lookup = source.getRate(symbol);
  return lookup.ok ? formatDecimal(lookup.rate) : lookup.reason;
}

describe('createExchangeRateSource', () => {
  it('has no rate before the first refresh, then the median of the sources', async () => {
    resetExchanges({ binance: '3460.00000000', coinbase: '3456.78', kraken: '3450.10000' });
    const source = createSource();
    expect(source.getRate('ETH')).toEqual({ ok: false, reason: 'missing' });
    await source.refresh();
    expect(source.getRate('eth')).toEqual({ ok: true, rate: { units: 345678n, scale: 2 }, asOfMs: nowMs });
    expect(source.getRate('BTC')).toEqual({ ok: false, reason: 'missing' });
  });

  it('takes the exact mean of the middle two for an even count', async () => {
    resetExchanges({ binance: '3456.79', coinbase: '3456.78', kraken: '1' });
    const source = createSource({ sources: ['binance', 'coinbase'] });
    await source.refresh();
    expect(getRateText(source)).toBe('3456.785');
    expect(countRequests('kraken')).toBe(0);
  });

  it('serves from the cache until cacheMs has passed', async () => {
    resetExchanges({ binance: '3456.78', coinbase: '3456.78', kraken: '3456.78' });
    const source = createSource();
    await source.refresh();
    expect(countRequests('binance')).toBe(1);
    nowMs += 29_999;
    await source.refresh();
    expect(countRequests('binance')).toBe(1);
    exchanges.binance.price = '3457.00';
    nowMs += 1;
    await source.refresh();
    expect(countRequests('binance')).toBe(2);
    expect(source.getRate('ETH')).toMatchObject({ ok: true, asOfMs: nowMs });
  });

  it('drops prices once staleMs old and refuses when none is left', async () => {
    resetExchanges({ binance: '3460', coinbase: '3450', kraken: '3455' });
    const source = createSource();
    const firstMs = nowMs;
    await source.refresh();
    for (const exchange of ['binance', 'coinbase'] as const) {
      exchanges[exchange].failure = { status: 503, body: '<html>down</html>' };
    }
    nowMs = firstMs + 60_000;
    exchanges.kraken.price = '3457';
    await source.refresh();
    // Binance and Coinbase prices are 60 s old but still fresh: median of 3460, 3450, 3457.
    expect(getRateText(source)).toBe('3457');
    expect(source.getRate('ETH')).toMatchObject({ asOfMs: firstMs });
    nowMs = firstMs + 119_999;
    expect(getRateText(source)).toBe('3457');
    nowMs = firstMs + 120_000;
    // Only Kraken's price from t+60 s is younger than 120 s now.
    expect(source.getRate('ETH')).toEqual({ ok: true, rate: { units: 3457n, scale: 0 }, asOfMs: firstMs + 60_000 });
    nowMs = firstMs + 180_000;
    expect(source.getRate('ETH')).toEqual({ ok: false, reason: 'stale' });
  });

  it('refuses when the sources disagree by more than maxSpread', async () => {
    // 99 and 101 around a median of 100: a spread of exactly 2 % is still accepted.
    resetExchanges({ binance: '99', coinbase: '100', kraken: '101' });
    const source = createSource({ maxSpread: decimal('0.02') });
    await source.refresh();
    expect(getRateText(source)).toBe('100');

    resetExchanges({ binance: '98.99', coinbase: '100', kraken: '101' });
    const wider = createSource({ maxSpread: decimal('0.02') });
    await wider.refresh();
    expect(wider.getRate('ETH')).toEqual({ ok: false, reason: 'disagree' });
  });

  it('lets a stale outlier drop out instead of blocking the rate', async () => {
    resetExchanges({ binance: '3000', coinbase: '3456.78', kraken: '3456.80' });
    const source = createSource({ staleMs: 40_000 });
    await source.refresh();
    expect(source.getRate('ETH')).toEqual({ ok: false, reason: 'disagree' });
    exchanges.binance.failure = { status: 500, body: '{"code":-1000,"msg":"An unknown error occurred."}' };
    nowMs += 30_000;
    await source.refresh();
    nowMs += 10_000;
    expect(getRateText(source)).toBe('3456.79');
  });

  it('backs off a failing source exponentially and recovers', async () => {
    resetExchanges({ binance: '3456.78', coinbase: '3456.78', kraken: '3456.78' });
    const errors: unknown[] = [];
    const source = createSource({ sources: ['kraken'] }, errors);
    exchanges.kraken.failure = { status: 200, body: '{"error":["EService:Unavailable"]}' };
    await source.refresh(); // fails: retry in 1 s
    nowMs += 999;
    await source.refresh();
    expect(countRequests('kraken')).toBe(1);
    nowMs += 1;
    await source.refresh(); // fails again: retry in 2 s
    expect(countRequests('kraken')).toBe(2);
    nowMs += 1_999;
    await source.refresh();
    expect(countRequests('kraken')).toBe(2);
    nowMs += 1;
    exchanges.kraken.failure = null;
    await source.refresh();
    expect(countRequests('kraken')).toBe(3);
    expect(getRateText(source)).toBe('3456.78');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBeInstanceOf(RateFetchError);
    expect(errors[0]).toMatchObject({ source: 'kraken', kind: 'exchange_error' });
  });

  it('waits as long as a 429 Retry-After says, per source', async () => {
    resetExchanges({ binance: '3456.78', coinbase: '3456.78', kraken: '3456.78' });
    const source = createSource({ sources: ['binance', 'coinbase'], cacheMs: 5_000, staleMs: 600_000 });
    exchanges.binance.failure = {
      status: 429,
      body: readRateFixture('binance', 'rate-limited.json'),
      headers: { 'retry-after': '45' },
    };
    await source.refresh();
    exchanges.binance.failure = null;
    // Coinbase keeps its own 5 s schedule while Binance sits out its 45 s.
    for (let step = 0; step < 8; step += 1) {
      nowMs += 5_000;
      await source.refresh();
    }
    expect(countRequests('binance')).toBe(1);
    expect(countRequests('coinbase')).toBe(9);
    nowMs += 5_000;
    await source.refresh();
    expect(countRequests('binance')).toBe(2);
  });

  it('refreshes in the background until aborted, then stops', async () => {
    resetExchanges({ binance: '3456.78', coinbase: '3456.78', kraken: '3456.78' });
    // The loop sleeps until the injected clock says a price is due; a clock that moves 10 s per
    // read makes every wake-up due without real waiting.
    let ticks = 0;
    const source = createExchangeRateSource({
      tokens: [{ symbol: 'ETH', sources: ['kraken'], cacheMs: 10_000, staleMs: 60_000, maxSpread: decimal('0') }],
      fetchers: bindFetchers(),
      now: () => nowMs + 10_000 * ticks++,
    });
    const controller = new AbortController();
    const running = source.start({ signal: controller.signal });
    await expect.poll(() => countRequests('kraken'), { timeout: 2_000, interval: 5 }).toBeGreaterThanOrEqual(3);
    controller.abort();
    await running;
    // A request aborted on the wire may still reach the server a moment later; let it land first.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const stoppedAt = countRequests('kraken');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(countRequests('kraken')).toBe(stoppedAt);
  });

  it('stops promptly while a request hangs, without backing off for it', async () => {
    resetExchanges({ binance: '3456.78', coinbase: '3456.78', kraken: '3456.78' });
    exchanges.binance.delayMs = 5_000;
    const errors: unknown[] = [];
    const source = createSource({ sources: ['binance'] }, errors);
    const controller = new AbortController();
    const running = source.start({ signal: controller.signal });
    await expect.poll(() => countRequests('binance'), { timeout: 2_000, interval: 5 }).toBe(1);
    const startedMs = Date.now();
    controller.abort();
    await running;
    // Without the abort reaching the request, it would run into the fetcher's 2 s timeout.
    expect(Date.now() - startedMs).toBeLessThan(1_500);
    expect(errors).toEqual([]);
  });

  it('refuses a token list it cannot serve', () => {
    const base = { symbol: 'ETH', cacheMs: 1_000, staleMs: 5_000, maxSpread: decimal('0.01') };
    const create =
      (tokens: ExchangeRateToken[], fetchers: Partial<Record<ExchangeName, PriceFetcher>> = bindFetchers()) =>
      () =>
        createExchangeRateSource({ tokens, fetchers, now });
    expect(create([{ ...base, sources: ['binance'] }], {})).toThrow('no fetcher for binance');
    expect(create([{ ...base, sources: [] }])).toThrow('no sources');
    expect(create([{ ...base, sources: ['kraken', 'kraken'] }])).toThrow('a source listed twice');
    expect(create([{ ...base, sources: ['kraken'], staleMs: 1_000 }])).toThrow('staleMs must exceed cacheMs');
    expect(create([{ ...base, sources: ['kraken'], cacheMs: 0 }])).toThrow('cacheMs must be > 0');
    expect(
      create([
        { ...base, sources: ['kraken'] },
        { ...base, symbol: 'eth', sources: ['binance'] },
      ]),
    ).toThrow('listed twice');
  });
});
