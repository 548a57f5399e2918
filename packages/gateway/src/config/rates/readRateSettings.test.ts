// Risk: a mistyped rates setting silently falls back to a default (or to no check) instead of stopping the gateway.
import { describe, expect, it } from 'vitest';
import { catchConfigError } from '../../../test/support/catchConfigError.ts';
import { DEFAULT_STABLECOINS } from '../../adapters/rates/createFixedRateSource.ts';
import { readRateSettings } from './readRateSettings.ts';

describe('readRateSettings', () => {
  it('defaults to stablecoins at 1 USD, no exchanges and 30-minute quotes', () => {
    expect(readRateSettings({})).toEqual({
      timeoutMs: 5_000,
      stablecoins: [...DEFAULT_STABLECOINS],
      fixedPrices: {},
      exchangeTokens: [],
      baseUrls: {},
      quoteLifetimes: { defaultSeconds: 1_800, bySymbol: {} },
    });
  });

  it('reads fixed prices, exchange tokens with their defaults, base URLs and lifetimes', () => {
    const settings = readRateSettings({
      timeoutMs: 2_000,
      stablecoins: ['usdt'],
      quoteLifetimeSeconds: 900,
      exchanges: { kraken: { baseUrl: 'http://127.0.0.1:9/kraken' }, binance: {} },
      tokens: {
        eth: {
          sources: ['binance', 'kraken'],
          cacheMs: 10_000,
          staleMs: 60_000,
          maxSpread: '0.01',
          quoteLifetimeSeconds: 600,
        },
        POL: { sources: ['coinbase'] },
        BNB: { fixed: '612.5' },
        'wstETH.b': { fixed: 4100 },
      },
    });
    expect(settings).toEqual({
      timeoutMs: 2_000,
      stablecoins: ['USDT'],
      fixedPrices: { BNB: '612.5', 'WSTETH.B': '4100' },
      exchangeTokens: [
        {
          symbol: 'ETH',
          sources: ['binance', 'kraken'],
          cacheMs: 10_000,
          staleMs: 60_000,
          maxSpread: { units: 1n, scale: 2 },
        },
        { symbol: 'POL', sources: ['coinbase'], cacheMs: 30_000, staleMs: 120_000, maxSpread: { units: 2n, scale: 2 } },
      ],
      baseUrls: { kraken: 'http://127.0.0.1:9/kraken' },
      quoteLifetimes: { defaultSeconds: 900, bySymbol: { ETH: 600 } },
    });
  });

  it.each([
    [{ timeoutMs: 50 }, 'rates.timeoutMs'],
    [{ timeoutMs: '5000' }, 'rates.timeoutMs'],
    [{ stalems: 1 }, 'rates.stalems'],
    [{ stablecoins: 'USDT' }, 'rates.stablecoins'],
    [{ stablecoins: ['US DT'] }, 'rates.stablecoins[0]'],
    [{ quoteLifetimeSeconds: 10 }, 'rates.quoteLifetimeSeconds'],
    [{ exchanges: { bitstamp: {} } }, 'rates.exchanges.bitstamp'],
    [{ exchanges: { kraken: { baseUrl: 'ftp://x' } } }, 'rates.exchanges.kraken.baseUrl'],
    [{ exchanges: { kraken: { baseUrl: 'not a url' } } }, 'rates.exchanges.kraken.baseUrl'],
    [{ exchanges: { kraken: { url: 'http://x' } } }, 'rates.exchanges.kraken.url'],
    [{ tokens: [] }, 'rates.tokens'],
    [{ tokens: { 'E TH': { fixed: '1' } } }, 'rates.tokens.E TH'],
    [{ tokens: { ETH: { fixed: '1' }, eth: { fixed: '2' } } }, 'rates.tokens.eth'],
    [{ tokens: { ETH: {} } }, 'rates.tokens.ETH'],
    [{ tokens: { ETH: { fixed: '1', sources: ['kraken'] } } }, 'rates.tokens.ETH'],
    [{ tokens: { ETH: { fixed: '0' } } }, 'rates.tokens.ETH.fixed'],
    [{ tokens: { ETH: { fixed: '-3' } } }, 'rates.tokens.ETH.fixed'],
    [{ tokens: { ETH: { fixed: '3000', cacheMs: 1000 } } }, 'rates.tokens.ETH.cacheMs'],
    [{ tokens: { ETH: { sources: [] } } }, 'rates.tokens.ETH.sources'],
    [{ tokens: { ETH: { sources: ['kraken', 'bitstamp'] } } }, 'rates.tokens.ETH.sources[1]'],
    [{ tokens: { ETH: { sources: ['kraken', 'kraken'] } } }, 'rates.tokens.ETH.sources'],
    [{ tokens: { ETH: { sources: ['kraken'], staleMs: 30_000 } } }, 'rates.tokens.ETH.staleMs'],
    [{ tokens: { ETH: { sources: ['kraken'], cacheMs: 0 } } }, 'rates.tokens.ETH.cacheMs'],
    [{ tokens: { ETH: { sources: ['kraken'], maxSpread: 2 } } }, 'rates.tokens.ETH.maxSpread'],
    [{ tokens: { ETH: { sources: ['kraken'], maxSpread: 1e-7 } } }, 'rates.tokens.ETH.maxSpread'],
    [{ tokens: { ETH: { sources: ['kraken'], quoteLifetimeSeconds: 1e9 } } }, 'rates.tokens.ETH.quoteLifetimeSeconds'],
    [{ tokens: { ETH: { sources: ['kraken'], lifetime: 60 } } }, 'rates.tokens.ETH.lifetime'],
    [{ tokens: { USDC: { sources: ['kraken'] } } }, 'rates.tokens.USDC'],
    [{ tokens: { 'USDC.e': { sources: ['kraken'] } } }, 'rates.tokens.USDC.e'],
    [{ tokens: { ETH: '3000' } }, 'rates.tokens.ETH'],
    [{ exchanges: ['kraken'] }, 'rates.exchanges'],
    [{ exchanges: { kraken: 'http://x' } }, 'rates.exchanges.kraken'],
    [{ exchanges: { kraken: { baseUrl: 'http://user:secret@x' } } }, 'rates.exchanges.kraken.baseUrl'],
  ])('refuses %j naming %s', (raw, setting) => {
    catchConfigError(() => readRateSettings(raw), setting);
  });

  it('refuses a section that is not an object', () => {
    catchConfigError(() => readRateSettings([]), 'rates');
  });

  it('prices a dollar coin from exchanges once it is taken off the stablecoin list', () => {
    const settings = readRateSettings({ stablecoins: ['USDT'], tokens: { USDC: { sources: ['coinbase'] } } });
    expect(settings.exchangeTokens.map((token) => token.symbol)).toEqual(['USDC']);
  });
});
