// Risk: the composed source prices a symbol from the wrong place, or main.ts cannot start and stop its refresher.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRateFixture } from '../../../test/fixtures/rates/readRateFixture.ts';
import { type FixtureServer, startFixtureServer } from '../../../test/fixtures/rates/startFixtureServer.ts';
import type { Decimal } from '../../core/money/Decimal.ts';
import type { ExchangeRateToken } from './createExchangeRateSource.ts';
import { createRateSource } from './createRateSource.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
  server.respond((url) =>
    url.pathname === '/kraken/0/public/Ticker'
      ? { status: 200, body: readRateFixture('kraken', 'ticker.json') }
      : { status: 200, body: readRateFixture('binance', 'ticker-price.json') },
  );
});
afterAll(() => server.close());

const TWO_PERCENT: Decimal = { units: 2n, scale: 2 };
const ETH: ExchangeRateToken = {
  symbol: 'ETH',
  sources: ['binance', 'kraken'],
  cacheMs: 30_000,
  staleMs: 90_000,
  maxSpread: TWO_PERCENT,
};

describe('createRateSource', () => {
  it('prices stablecoins and fixed symbols itself and the rest from exchanges', async () => {
    let nowMs = 1_000;
    const source = createRateSource({
      fixedPrices: { BNB: '600' },
      exchangeTokens: [ETH],
      baseUrls: { binance: `${server.baseUrl}/binance`, kraken: `${server.baseUrl}/kraken` },
      timeoutMs: 2_000,
      now: () => nowMs,
    });
    expect(source.getRate('USDT')).toEqual({ ok: true, rate: { units: 1n, scale: 0 }, asOfMs: 1_000 });
    expect(source.getRate('ETH')).toEqual({ ok: false, reason: 'missing' });
    await source.refresh();
    expect(server.requests.map((url) => url.pathname).sort()).toEqual([
      '/binance/api/v3/ticker/price',
      '/kraken/0/public/Ticker',
    ]);
    // Binance's fixture serves BNB at 612.45 too; the configured price is the one used.
    expect(source.getRate('BNB')).toMatchObject({ ok: true, rate: { units: 600n, scale: 0 } });
    expect(source.getRate('ETH')).toEqual({ ok: true, rate: { units: 345678n, scale: 2 }, asOfMs: 1_000 });
    nowMs += 90_000;
    expect(source.getRate('ETH')).toEqual({ ok: false, reason: 'stale' });
    expect(source.getRate('USDC')).toMatchObject({ ok: true, asOfMs: 91_000 });
  });

  it('refuses a symbol given both a fixed price and exchange sources', () => {
    expect(() =>
      createRateSource({ fixedPrices: { ETH: '3000' }, exchangeTokens: [ETH], timeoutMs: 2_000, now: () => 0 }),
    ).toThrow('has a fixed price and exchange sources');
    expect(() =>
      createRateSource({ exchangeTokens: [{ ...ETH, symbol: 'usdt' }], timeoutMs: 2_000, now: () => 0 }),
    ).toThrow('has a fixed price and exchange sources');
  });

  it('runs on fixed prices alone and its refresher waits for the stop signal', async () => {
    const source = createRateSource({ timeoutMs: 2_000, now: () => 0 });
    const controller = new AbortController();
    let isStopped = false;
    const running = source.start({ signal: controller.signal }).then(() => {
      isStopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(isStopped).toBe(false);
    controller.abort();
    await running;
    expect(isStopped).toBe(true);
  });
});
