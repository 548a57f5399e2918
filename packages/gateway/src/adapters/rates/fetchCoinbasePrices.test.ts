// Risk: a Coinbase answer is misread (float price, unknown product, unnoticed throttling) and a wrong rate gets quoted.
import { describe, expect, it } from 'vitest';
import { readRateFixture } from '../../../test/fixtures/rates/readRateFixture.ts';
import { catchRateFetchError } from '../../../test/support/catchRateFetchError.ts';
import { useExchangeFixtureServer } from '../../../test/support/useExchangeFixtureServer.ts';
import { formatDecimal } from '../../core/money/Decimal.ts';
import { type SendHttpRequest, sendHttpRequest } from '../net/sendHttpRequest.ts';
import { fetchCoinbasePrices } from './fetchCoinbasePrices.ts';

const { server, fetchPrices } = useExchangeFixtureServer(fetchCoinbasePrices);

function serveTickers(url: URL): { status: number; body: string } {
  switch (url.pathname) {
    case '/products/ETH-USD/ticker':
      return { status: 200, body: readRateFixture('coinbase', 'ticker-eth-usd.json') };
    case '/products/POL-USD/ticker':
      return { status: 200, body: readRateFixture('coinbase', 'ticker-pol-usd.json') };
    default:
      return { status: 404, body: readRateFixture('coinbase', 'not-found.json') };
  }
}

describe('fetchCoinbasePrices', () => {
  it('reads each product ticker exactly, once per product', async () => {
    server.respond(serveTickers);
    const before = server.requests.length;
    const prices = await fetchPrices(['ETH', 'WETH', 'POL', 'MATIC']);
    const paths = server.requests.slice(before).map((url) => url.pathname);
    expect(paths.sort()).toEqual(['/products/ETH-USD/ticker', '/products/POL-USD/ticker']);
    expect(prices.get('ETH')).toEqual({ units: 345678n, scale: 2 });
    expect([...prices].map(([symbol, price]) => [symbol, formatDecimal(price)])).toEqual([
      ['ETH', '3456.78'],
      ['WETH', '3456.78'],
      ['POL', '0.2381'],
      ['MATIC', '0.2381'],
    ]);
  });

  it('turns a 404 NotFound into missing_symbol', async () => {
    server.respond(serveTickers);
    const error = await catchRateFetchError(fetchPrices(['ETH', 'BNB']));
    expect(error).toMatchObject({ source: 'coinbase', kind: 'missing_symbol', status: 404 });
    expect(error.message).toContain('BNB-USD');
  });

  it('stops the other requests once one fails', async () => {
    server.respond((url) =>
      url.pathname === '/products/ETH-USD/ticker'
        ? { status: 200, body: readRateFixture('coinbase', 'ticker-eth-usd.json'), delayMs: 5_000 }
        : { status: 404, body: readRateFixture('coinbase', 'not-found.json') },
    );
    // Real requests, watched: each call's settling time shows whether the hanging one was cut short.
    const settled: Promise<number>[] = [];
    const watchedSend: SendHttpRequest = (url, request) => {
      const call = sendHttpRequest(url, request);
      settled.push(call.then(Date.now, Date.now));
      return call;
    };
    const startedMs = Date.now();
    const error = await catchRateFetchError(
      fetchCoinbasePrices({ baseUrl: server.baseUrl, symbols: ['ETH', 'BNB'], timeoutMs: 2_000, send: watchedSend }),
    );
    expect(error.kind).toBe('missing_symbol');
    const settledMs = await Promise.all(settled);
    expect(settledMs).toHaveLength(2);
    // Left alone, the ETH request would run into its 2 s timeout.
    expect(Math.max(...settledMs) - startedMs).toBeLessThan(1_500);
  });
});
