import type { ExchangeRateToken } from '../../adapters/rates/createExchangeRateSource.ts';
import { DEFAULT_STABLECOINS } from '../../adapters/rates/createFixedRateSource.ts';
import { ConfigError } from '../ConfigError.ts';
import { CONFIG_SETTINGS } from '../configSettings.ts';
import { isRecord } from '../read/isRecord.ts';
import { isTokenSymbol } from '../read/isTokenSymbol.ts';
import { readInteger } from '../read/readInteger.ts';
import { readList } from '../read/readList.ts';
import { readObject } from '../read/readObject.ts';
import { DEFAULT_QUOTE_LIFETIME_SECONDS, DEFAULT_RATE_TIMEOUT_MS, type RateSettings } from './RateSettings.ts';
import { readExchanges } from './readExchanges.ts';
import { readQuoteLifetime } from './readQuoteLifetime.ts';
import { readRateToken } from './readRateToken.ts';

/**
 * Reads the `rates` config section. Every token symbol is priced one way: `fixed` (a USD price)
 * or `sources` (exchanges, with cache, staleness and spread limits). A bad value throws a
 * `ConfigError` naming the setting, so the gateway refuses to start instead of quoting wrong prices.
 *
 * @example
 * readRateSettings({ tokens: { ETH: { sources: ['kraken', 'coinbase'] }, WETH: { fixed: '3000' } } });
 * // { stablecoins: ['USDT', 'USDC', …], fixedPrices: { WETH: '3000' }, exchangeTokens: [ETH], … }
 */
export function readRateSettings(value: unknown): RateSettings {
  const section = readObject(value, 'rates', CONFIG_SETTINGS.rates);
  const stablecoins =
    section.stablecoins === undefined ? [...DEFAULT_STABLECOINS] : readStablecoins(section.stablecoins);
  const timeoutMs = readInteger(section.timeoutMs ?? DEFAULT_RATE_TIMEOUT_MS, 'rates.timeoutMs', 100, 60_000);
  const baseUrls = section.exchanges === undefined ? {} : readExchanges(section.exchanges);
  const defaultSeconds = readQuoteLifetime(
    section.quoteLifetimeSeconds ?? DEFAULT_QUOTE_LIFETIME_SECONDS,
    'rates.quoteLifetimeSeconds',
  );
  const tokens = readTokens(section.tokens ?? {}, stablecoins);
  return {
    timeoutMs,
    stablecoins,
    fixedPrices: tokens.fixedPrices,
    exchangeTokens: tokens.exchangeTokens,
    baseUrls,
    quoteLifetimes: { defaultSeconds, bySymbol: tokens.quoteLifetimes },
  };
}

function readStablecoins(value: unknown): string[] {
  const symbols = readList(value, 'rates.stablecoins', 'token symbols', (item, setting) => {
    if (typeof item !== 'string' || !isTokenSymbol(item)) {
      throw new ConfigError(setting, 'must be a token symbol (letters and digits)');
    }
    return item.toUpperCase();
  });
  return [...new Set(symbols)];
}

function readTokens(value: unknown, stablecoins: readonly string[]) {
  if (!isRecord(value)) throw new ConfigError('rates.tokens', 'must be an object keyed by token symbol');
  const fixedPrices: Record<string, string> = {};
  const exchangeTokens: ExchangeRateToken[] = [];
  const quoteLifetimes: Record<string, number> = {};
  const seen = new Set<string>();
  for (const [key, settings] of Object.entries(value)) {
    const setting = `rates.tokens.${key}`;
    const symbol = key.toUpperCase();
    if (!isTokenSymbol(symbol)) throw new ConfigError(setting, 'must be a token symbol (letters and digits)');
    if (seen.has(symbol)) throw new ConfigError(setting, 'is listed twice (symbols ignore case)');
    seen.add(symbol);
    const token = readRateToken(settings, setting, { symbol, isStablecoin: stablecoins.includes(symbol) });
    if (token.quoteLifetimeSeconds !== undefined) quoteLifetimes[symbol] = token.quoteLifetimeSeconds;
    if (token.kind === 'fixed') fixedPrices[symbol] = token.price;
    else exchangeTokens.push(token.token);
  }
  return { fixedPrices, exchangeTokens, quoteLifetimes };
}
