import type { Decimal } from '../../core/money/Decimal.ts';
import { fetchExchangeJson } from './fetchExchangeJson.ts';
import { mapSymbolsToPairs } from './mapSymbolsToPairs.ts';
import type { FetchPricesParameters } from './PriceFetcher.ts';
import { RateFetchError } from './RateFetchError.ts';
import { readPairPrices } from './readPairPrices.ts';

/** Binance's market-data-only host: public, keyless, and served where `api.binance.com` is geo-blocked. */
export const BINANCE_BASE_URL = 'https://data-api.binance.vision';

// Our symbol → Binance base asset, where they differ. MATIC became POL in 2024 (1:1 migration);
// WETH is redeemable 1:1 for ETH by its contract, so it is priced as ETH.
const BASE_ASSETS: Readonly<Record<string, string>> = { MATIC: 'POL', WETH: 'ETH' };

/**
 * Reads last-trade prices from Binance `GET /api/v3/ticker/price?symbols=[...]`.
 *
 * Binance has almost no USD spot pairs, so each token is read against USDT and USDT is taken as
 * 1 USD. A USDT depeg therefore moves every Binance price; pairing Binance with a USD exchange
 * lets the spread check refuse such a rate.
 */
export async function fetchBinancePrices(parameters: FetchPricesParameters): Promise<Map<string, Decimal>> {
  const pairBySymbol = mapSymbolsToPairs(
    'binance',
    parameters.symbols,
    (symbol) => `${BASE_ASSETS[symbol] ?? symbol}USDT`,
  );
  if (pairBySymbol.size === 0) return new Map();
  // Binance rejects a request that names the same pair twice (MATIC and POL are one pair).
  const pairs = [...new Set(pairBySymbol.values())];
  const body = await fetchExchangeJson({
    ...parameters,
    source: 'binance',
    path: 'api/v3/ticker/price',
    query: { symbols: JSON.stringify(pairs) },
  });
  if (!Array.isArray(body)) {
    throw new RateFetchError({ source: 'binance', kind: 'malformed', detail: 'expected an array' });
  }
  const priceByPair = new Map<string, unknown>();
  for (const item of body as unknown[]) {
    if (typeof item !== 'object' || item === null || typeof (item as { symbol?: unknown }).symbol !== 'string') {
      throw new RateFetchError({ source: 'binance', kind: 'malformed', detail: 'entry without a symbol' });
    }
    const entry = item as { symbol: string; price?: unknown };
    priceByPair.set(entry.symbol, entry.price);
  }
  return readPairPrices('binance', pairBySymbol, priceByPair);
}
