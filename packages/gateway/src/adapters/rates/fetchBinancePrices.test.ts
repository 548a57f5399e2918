// Risk: a Binance answer is misread (float price, wrong pair, unnoticed error) and a wrong rate gets quoted.
import { describe, expect, it } from 'vitest';
import { readRateFixture } from '../../../test/fixtures/rates/readRateFixture.ts';
import { catchRateFetchError } from '../../../test/support/catchRateFetchError.ts';
import { useExchangeFixtureServer } from '../../../test/support/useExchangeFixtureServer.ts';
import { formatDecimal } from '../../core/money/Decimal.ts';
import { fetchBinancePrices } from './fetchBinancePrices.ts';

const { server, fetchPrices } = useExchangeFixtureServer(fetchBinancePrices);

describe('fetchBinancePrices', () => {
  it('reads the USDT pairs exactly, asking once per pair', async () => {
    server.respond(() => ({ status: 200, body: readRateFixture('binance', 'ticker-price.json') }));
    const prices = await fetchPrices(['ETH', 'bnb', 'POL', 'MATIC']);
    const url = server.requests.at(-1);
    expect(url?.pathname).toBe('/api/v3/ticker/price');
    expect(url?.searchParams.get('symbols')).toBe('["ETHUSDT","BNBUSDT","POLUSDT"]');
    expect(prices.get('ETH')).toEqual({ units: 345678000000n, scale: 8 });
    expect([...prices].map(([symbol, price]) => [symbol, formatDecimal(price)])).toEqual([
      ['ETH', '3456.78'],
      ['bnb', '612.45'],
      ['POL', '0.2381'],
      ['MATIC', '0.2381'],
    ]);
  });

  it('refuses prices sent as JSON numbers', async () => {
    server.respond(() => ({ status: 200, body: '[{"symbol":"ETHUSDT","price":3456.78}]' }));
    const error = await catchRateFetchError(fetchPrices(['ETH']));
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('ETHUSDT: price is not a string');
  });

  it('fails when a symbol asked for is not in the answer', async () => {
    server.respond(() => ({ status: 200, body: '[{"symbol":"ETHUSDT","price":"3456.78"}]' }));
    const error = await catchRateFetchError(fetchPrices(['ETH', 'BNB']));
    expect(error).toMatchObject({ source: 'binance', kind: 'missing_symbol' });
    expect(error.message).toContain('BNBUSDT');
  });

  it('reports the invalid-symbol error body', async () => {
    server.respond(() => ({ status: 400, body: readRateFixture('binance', 'error-invalid-symbol.json') }));
    const error = await catchRateFetchError(fetchPrices(['NOPE']));
    expect(error).toMatchObject({ kind: 'http', status: 400 });
    expect(error.message).toContain('Invalid symbol.');
  });

  // 429 is common to every exchange (priceFetchers.test.ts); 418 is Binance's IP ban after ignored 429s.
  it('passes on the wait Binance asks for on 418', async () => {
    server.respond(() => ({
      status: 418,
      body: readRateFixture('binance', 'ip-banned.json'),
      headers: { 'retry-after': '600' },
    }));
    await expect(catchRateFetchError(fetchPrices(['ETH']))).resolves.toMatchObject({
      kind: 'rate_limited',
      status: 418,
      retryAfterMs: 600_000,
    });
  });
});
