// Risk: one exchange's fetcher handles a failed, throttled or malformed answer differently from the others, and a wrong rate (or a needless outage) follows.
import { describe, expect, it } from 'vitest';
import { readRateFixture } from '../../../test/fixtures/rates/readRateFixture.ts';
import { catchRateFetchError } from '../../../test/support/catchRateFetchError.ts';
import { useExchangeFixtureServer } from '../../../test/support/useExchangeFixtureServer.ts';
import type { ExchangeName } from './ExchangeName.ts';
import { fetchBinancePrices } from './fetchBinancePrices.ts';
import { fetchCoinbasePrices } from './fetchCoinbasePrices.ts';
import { fetchKrakenPrices } from './fetchKrakenPrices.ts';

// One loopback exchange per fetcher, each up for the whole file.
const EXCHANGES = {
  binance: useExchangeFixtureServer(fetchBinancePrices),
  coinbase: useExchangeFixtureServer(fetchCoinbasePrices),
  kraken: useExchangeFixtureServer(fetchKrakenPrices),
} as const satisfies Record<ExchangeName, unknown>;

describe('every exchange fetcher', () => {
  it.each(Object.keys(EXCHANGES) as ExchangeName[])(
    '%s: refuses a symbol that cannot be a pair name without asking',
    async (exchange) => {
      const { server, fetchPrices } = EXCHANGES[exchange];
      const before = server.requests.length;
      await expect(catchRateFetchError(fetchPrices(['ETH","BTC']))).resolves.toMatchObject({ kind: 'missing_symbol' });
      expect(server.requests.length).toBe(before);
    },
  );

  it.each([
    ['binance', 429, '12', 'Too many requests; current limit'],
    ['coinbase', 429, '2', 'Public rate limit exceeded'],
    ['kraken', 429, '5', 'EGeneral:Too many requests'],
  ] as const)('passes on the wait %s asks for on %i', async (exchange, status, retryAfter, detail) => {
    const { server, fetchPrices } = EXCHANGES[exchange];
    server.respond(() => ({
      status,
      body: readRateFixture(exchange, 'rate-limited.json'),
      headers: { 'retry-after': retryAfter },
    }));
    const error = await catchRateFetchError(fetchPrices(['ETH']));
    expect(error).toMatchObject({
      source: exchange,
      kind: 'rate_limited',
      status,
      retryAfterMs: Number(retryAfter) * 1000,
    });
    expect(error.message).toContain(detail);
  });

  it.each([
    ['binance', 502, '<html>Bad Gateway</html>'],
    ['coinbase', 500, '{"message":"Internal server error"}'],
    ['kraken', 520, '<html>Cloudflare</html>'],
  ] as const)('reports a %s %i as an http error', async (exchange, status, body) => {
    const { server, fetchPrices } = EXCHANGES[exchange];
    server.respond(() => ({ status, body }));
    await expect(catchRateFetchError(fetchPrices(['ETH']))).resolves.toMatchObject({ kind: 'http', status });
  });

  it.each([
    ['binance', 'an object instead of a list', '{"symbol":"ETHUSDT","price":"1"}'],
    ['binance', 'an entry without a symbol', '[{"price":"1"}]'],
    ['binance', 'an exponent', '[{"symbol":"ETHUSDT","price":"3.45678e3"}]'],
    ['binance', 'a negative price', '[{"symbol":"ETHUSDT","price":"-1"}]'],
    ['binance', 'a zero price', '[{"symbol":"ETHUSDT","price":"0.00000000"}]'],
    ['coinbase', 'a numeric price', '{"price":3456.78,"time":"2025-01-15T12:34:56Z"}'],
    ['coinbase', 'no price', '{"message":"ok"}'],
    ['coinbase', 'a list', '[]'],
    ['coinbase', 'a price with a comma', '{"price":"3,456.78"}'],
    ['kraken', 'numeric prices', '{"error":[],"result":{"XETHZUSD":{"c":[3456.78,0.1]}}}'],
    ['kraken', 'no last trade', '{"error":[],"result":{"XETHZUSD":{"a":["3456.79000","1","1.000"]}}}'],
    ['kraken', 'no error list', '{"result":{"XETHZUSD":{"c":["3456.78000","0.1"]}}}'],
    ['kraken', 'no result', '{"error":[]}'],
    ['kraken', 'a list', '[]'],
  ] as const)('%s: refuses an answer with %s', async (exchange, _, body) => {
    const { server, fetchPrices } = EXCHANGES[exchange];
    server.respond(() => ({ status: 200, body }));
    await expect(catchRateFetchError(fetchPrices(['ETH']))).resolves.toMatchObject({ kind: 'malformed' });
  });
});
