// Risk: a Kraken answer is misread (renamed pair keys, errors inside a 200, float prices) and a wrong rate gets quoted.
import { describe, expect, it } from 'vitest';
import { readRateFixture } from '../../../test/fixtures/rates/readRateFixture.ts';
import { catchRateFetchError } from '../../../test/support/catchRateFetchError.ts';
import { useExchangeFixtureServer } from '../../../test/support/useExchangeFixtureServer.ts';
import { formatDecimal } from '../../core/money/Decimal.ts';
import { fetchKrakenPrices } from './fetchKrakenPrices.ts';

const { server, fetchPrices } = useExchangeFixtureServer(fetchKrakenPrices);

describe('fetchKrakenPrices', () => {
  it('asks by canonical pair names and reads the last trade exactly', async () => {
    server.respond(() => ({ status: 200, body: readRateFixture('kraken', 'ticker.json') }));
    const prices = await fetchPrices(['ETH', 'POL', 'MATIC']);
    const url = server.requests.at(-1);
    expect(url?.pathname).toBe('/0/public/Ticker');
    expect(url?.searchParams.get('pair')).toBe('XETHZUSD,POLUSD');
    expect(prices.get('ETH')).toEqual({ units: 345678000n, scale: 5 });
    expect([...prices].map(([symbol, price]) => [symbol, formatDecimal(price)])).toEqual([
      ['ETH', '3456.78'],
      ['POL', '0.2381'],
      ['MATIC', '0.2381'],
    ]);
  });

  it('reads an unknown pair error inside a 200 as missing_symbol', async () => {
    server.respond(() => ({ status: 200, body: readRateFixture('kraken', 'error-unknown-pair.json') }));
    const error = await catchRateFetchError(fetchPrices(['NOPE']));
    expect(error).toMatchObject({ source: 'kraken', kind: 'missing_symbol', status: 200 });
    expect(error.message).toContain('EQuery:Unknown asset pair');
  });

  it('reads throttling inside a 200 as rate_limited', async () => {
    server.respond(() => ({ status: 200, body: readRateFixture('kraken', 'rate-limited.json') }));
    await expect(catchRateFetchError(fetchPrices(['ETH']))).resolves.toMatchObject({
      kind: 'rate_limited',
      status: 200,
      retryAfterMs: null,
    });
  });

  it('reports any other Kraken error as exchange_error', async () => {
    server.respond(() => ({ status: 200, body: '{"error":["EService:Unavailable"]}' }));
    const error = await catchRateFetchError(fetchPrices(['ETH']));
    expect(error.kind).toBe('exchange_error');
    expect(error.message).toContain('EService:Unavailable');
  });

  it('fails when the result lacks a pair asked for', async () => {
    server.respond(() => ({ status: 200, body: '{"error":[],"result":{"XETHZUSD":{"c":["3456.78000","0.1"]}}}' }));
    const error = await catchRateFetchError(fetchPrices(['ETH', 'POL']));
    expect(error.kind).toBe('missing_symbol');
    expect(error.message).toContain('POLUSD');
  });
});
