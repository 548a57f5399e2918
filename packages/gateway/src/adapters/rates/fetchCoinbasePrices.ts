import type { Decimal } from '../../core/money/Decimal.ts';
import { fetchExchangeJson } from './fetchExchangeJson.ts';
import { mapSymbolsToPairs } from './mapSymbolsToPairs.ts';
import type { FetchPricesParameters } from './PriceFetcher.ts';
import { parseExchangePrice } from './parseExchangePrice.ts';
import { RateFetchError } from './RateFetchError.ts';

/** Coinbase Exchange's public REST host (market data needs no key). */
export const COINBASE_BASE_URL = 'https://api.exchange.coinbase.com';

// Our symbol → Coinbase base currency, where they differ (MATIC-USD was renamed POL-USD in 2024;
// WETH is redeemable 1:1 for ETH by its contract).
const BASE_CURRENCIES: Readonly<Record<string, string>> = { MATIC: 'POL', WETH: 'ETH' };

/**
 * Reads last-trade prices from Coinbase Exchange `GET /products/<BASE>-USD/ticker`, one request per
 * product (the public API has no batch ticker). The first failure aborts the other requests.
 */
export async function fetchCoinbasePrices(parameters: FetchPricesParameters): Promise<Map<string, Decimal>> {
  const productBySymbol = mapSymbolsToPairs(
    'coinbase',
    parameters.symbols,
    (symbol) => `${BASE_CURRENCIES[symbol] ?? symbol}-USD`,
  );
  const products = [...new Set(productBySymbol.values())];
  const stopOthers = new AbortController();
  const { signal } = parameters;
  const combined = signal === undefined ? stopOthers.signal : AbortSignal.any([stopOthers.signal, signal]);
  const entries = await Promise.all(
    products.map(async (product) => {
      try {
        return [product, await fetchCoinbaseTicker({ ...parameters, product, signal: combined })] as const;
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

async function fetchCoinbaseTicker(
  parameters: FetchPricesParameters & { readonly product: string; readonly signal: AbortSignal },
): Promise<Decimal> {
  const { product } = parameters;
  let body: unknown;
  try {
    body = await fetchExchangeJson({ ...parameters, source: 'coinbase', path: `products/${product}/ticker` });
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
