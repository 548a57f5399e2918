import type { Decimal } from '../../core/money/Decimal.ts';
import { fetchExchangeJson } from './fetchExchangeJson.ts';
import type { FetchPricesParameters } from './PriceFetcher.ts';
import { parseExchangePrice } from './parseExchangePrice.ts';
import { RateFetchError } from './RateFetchError.ts';

/** Binance's market-data-only host: public, keyless, and served where `api.binance.com` is geo-blocked. */
export const BINANCE_BASE_URL = 'https://data-api.binance.vision';

// Our symbol → Binance base asset, where they differ. MATIC became POL in 2024 (1:1 migration);
// WETH is redeemable 1:1 for ETH by its contract, so it is priced as ETH.
const BASE_ASSETS: Readonly<Record<string, string>> = { MATIC: 'POL', WETH: 'ETH' };

const SYMBOL = /^[A-Z0-9]{1,20}$/;

/**
 * Reads last-trade prices from Binance `GET /api/v3/ticker/price?symbols=[...]`.
 *
 * Binance has almost no USD spot pairs, so each token is read against USDT and USDT is taken as
 * 1 USD. A USDT depeg therefore moves every Binance price; pairing Binance with a USD exchange
 * lets the spread check refuse such a rate.
 */
export async function fetchBinancePrices({
  baseUrl,
  symbols,
  timeoutMs,
  fetch = globalThis.fetch,
  signal,
}: FetchPricesParameters): Promise<Map<string, Decimal>> {
  const pairBySymbol = new Map(symbols.map((symbol) => [symbol, getBinancePair(symbol)]));
  const prices = new Map<string, Decimal>();
  if (pairBySymbol.size === 0) return prices;
  // Binance rejects a request that names the same pair twice (MATIC and POL are one pair).
  const pairs = [...new Set(pairBySymbol.values())];
  const body = await fetchExchangeJson({
    source: 'binance',
    baseUrl,
    path: 'api/v3/ticker/price',
    query: { symbols: JSON.stringify(pairs) },
    fetch,
    timeoutMs,
    signal,
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
  for (const [symbol, pair] of pairBySymbol) {
    if (!priceByPair.has(pair)) {
      throw new RateFetchError({ source: 'binance', kind: 'missing_symbol', detail: pair });
    }
    prices.set(symbol, parseExchangePrice('binance', pair, priceByPair.get(pair)));
  }
  return prices;
}

function getBinancePair(symbol: string): string {
  const upper = symbol.toUpperCase();
  if (!SYMBOL.test(upper)) {
    throw new RateFetchError({ source: 'binance', kind: 'missing_symbol', detail: `not a symbol: ${symbol}` });
  }
  return `${BASE_ASSETS[upper] ?? upper}USDT`;
}
