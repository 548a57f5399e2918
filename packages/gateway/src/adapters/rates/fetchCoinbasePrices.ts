import type { Decimal } from '../../core/money/Decimal.ts';
import { fetchExchangeJson } from './fetchExchangeJson.ts';
import type { FetchPricesParameters } from './PriceFetcher.ts';
import { parseExchangePrice } from './parseExchangePrice.ts';
import { RateFetchError } from './RateFetchError.ts';

/** Coinbase Exchange's public REST host (market data needs no key). */
export const COINBASE_BASE_URL = 'https://api.exchange.coinbase.com';

// Our symbol → Coinbase base currency, where they differ (MATIC-USD was renamed POL-USD in 2024;
// WETH is redeemable 1:1 for ETH by its contract).
const BASE_CURRENCIES: Readonly<Record<string, string>> = { MATIC: 'POL', WETH: 'ETH' };

const SYMBOL = /^[A-Z0-9]{1,20}$/;

/**
 * Reads last-trade prices from Coinbase Exchange `GET /products/<BASE>-USD/ticker`, one request per
 * product (the public API has no batch ticker). The first failure aborts the other requests.
 */
export async function fetchCoinbasePrices({
  baseUrl,
  symbols,
  timeoutMs,
  fetch = globalThis.fetch,
  signal,
}: FetchPricesParameters): Promise<Map<string, Decimal>> {
  const productBySymbol = new Map(symbols.map((symbol) => [symbol, getCoinbaseProduct(symbol)]));
  const products = [...new Set(productBySymbol.values())];
  const stopOthers = new AbortController();
  const combined = signal === undefined ? stopOthers.signal : AbortSignal.any([stopOthers.signal, signal]);
  const entries = await Promise.all(
    products.map(async (product) => {
      try {
        return [product, await fetchCoinbaseTicker({ baseUrl, product, timeoutMs, fetch, signal: combined })] as const;
      } catch (error) {
        stopOthers.abort();
        throw error;
      }
    }),
  );
  const priceByProduct = new Map(entries);
  const prices = new Map<string, Decimal>();
  for (const [symbol, product] of productBySymbol) {
    const price = priceByProduct.get(product);
    if (price !== undefined) prices.set(symbol, price);
  }
  return prices;
}

async function fetchCoinbaseTicker({
  baseUrl,
  product,
  timeoutMs,
  fetch,
  signal,
}: {
  baseUrl: string;
  product: string;
  timeoutMs: number;
  fetch: typeof globalThis.fetch;
  signal: AbortSignal;
}): Promise<Decimal> {
  let body: unknown;
  try {
    body = await fetchExchangeJson({
      source: 'coinbase',
      baseUrl,
      path: `products/${product}/ticker`,
      fetch,
      timeoutMs,
      signal,
    });
  } catch (error) {
    // Coinbase answers an unknown product with 404 `{"message":"NotFound"}`.
    if (error instanceof RateFetchError && error.kind === 'http' && error.status === 404) {
      throw new RateFetchError({
        source: 'coinbase',
        kind: 'missing_symbol',
        status: 404,
        detail: product,
        cause: error,
      });
    }
    throw error;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RateFetchError({ source: 'coinbase', kind: 'malformed', detail: `${product}: expected an object` });
  }
  return parseExchangePrice('coinbase', product, (body as { price?: unknown }).price);
}

function getCoinbaseProduct(symbol: string): string {
  const upper = symbol.toUpperCase();
  if (!SYMBOL.test(upper)) {
    throw new RateFetchError({ source: 'coinbase', kind: 'missing_symbol', detail: `not a symbol: ${symbol}` });
  }
  return `${BASE_CURRENCIES[upper] ?? upper}-USD`;
}
