import type { Decimal } from '../../core/money/Decimal.ts';
import type { RateLookup } from '../../core/RateSource.ts';
import type { SendHttpRequest } from '../net/sendHttpRequest.ts';
import {
  createExchangeRateSource,
  type ExchangeBackoff,
  type ExchangeRateSource,
  type ExchangeRateToken,
} from './createExchangeRateSource.ts';
import { createFixedRateSource } from './createFixedRateSource.ts';
import type { ExchangeName } from './ExchangeName.ts';
import { BINANCE_BASE_URL, fetchBinancePrices } from './fetchBinancePrices.ts';
import { COINBASE_BASE_URL, fetchCoinbasePrices } from './fetchCoinbasePrices.ts';
import { fetchKrakenPrices, KRAKEN_BASE_URL } from './fetchKrakenPrices.ts';
import type { FetchPricesParameters, PriceFetcher } from './PriceFetcher.ts';

export type CreateRateSourceParameters = {
  /** Symbols worth exactly 1 USD; defaults to the fixed source's list. */
  readonly stablecoins?: readonly string[];
  /** Operator-set USD prices as exact decimal strings. */
  readonly fixedPrices?: Readonly<Record<string, string>>;
  /** Tokens priced from exchanges; none means the gateway runs on fixed prices only. */
  readonly exchangeTokens?: readonly ExchangeRateToken[];
  /** Overrides of the exchanges' public API roots (a proxy, or a loopback server in tests). */
  readonly baseUrls?: Readonly<Partial<Record<ExchangeName, string>>>;
  /** Limit on each exchange request, body included. */
  readonly timeoutMs: number;
  /** Default: `sendHttpRequest`; tests pass a watched one. */
  readonly send?: SendHttpRequest;
  readonly now: () => number;
  readonly backoff?: ExchangeBackoff;
  readonly onFetchError?: (error: unknown, source: ExchangeName) => void;
};

type FetchPrices = (parameters: FetchPricesParameters) => Promise<ReadonlyMap<string, Decimal>>;

const FETCHERS: Readonly<Record<ExchangeName, { readonly fetchPrices: FetchPrices; readonly baseUrl: string }>> = {
  binance: { fetchPrices: fetchBinancePrices, baseUrl: BINANCE_BASE_URL },
  coinbase: { fetchPrices: fetchCoinbasePrices, baseUrl: COINBASE_BASE_URL },
  kraken: { fetchPrices: fetchKrakenPrices, baseUrl: KRAKEN_BASE_URL },
};

/**
 * The rate source `main.ts` wires in: fixed prices for stablecoins and configured symbols, exchange
 * prices for the rest. A symbol may be priced one way only; naming it in both throws.
 */
export function createRateSource({
  stablecoins,
  fixedPrices,
  exchangeTokens = [],
  baseUrls = {},
  timeoutMs,
  send,
  now,
  backoff,
  onFetchError,
}: CreateRateSourceParameters): ExchangeRateSource {
  const fixed = createFixedRateSource({
    ...(stablecoins === undefined ? {} : { stablecoins }),
    ...(fixedPrices === undefined ? {} : { prices: fixedPrices }),
    now,
  });
  for (const token of exchangeTokens) {
    if (fixed.getRate(token.symbol).ok) {
      throw new RangeError(`rate token ${token.symbol}: has a fixed price and exchange sources`);
    }
  }
  const fetchers: Partial<Record<ExchangeName, PriceFetcher>> = {};
  for (const name of new Set(exchangeTokens.flatMap((token) => token.sources))) {
    const { fetchPrices, baseUrl } = FETCHERS[name];
    fetchers[name] = ({ symbols, signal }) =>
      fetchPrices({
        baseUrl: baseUrls[name] ?? baseUrl,
        symbols,
        timeoutMs,
        signal,
        ...(send === undefined ? {} : { send }),
      });
  }
  const exchange = createExchangeRateSource({
    tokens: exchangeTokens,
    fetchers,
    now,
    ...(backoff === undefined ? {} : { backoff }),
    ...(onFetchError === undefined ? {} : { onFetchError }),
  });
  return {
    getRate(symbol: string): RateLookup {
      const lookup = fixed.getRate(symbol);
      return lookup.ok ? lookup : exchange.getRate(symbol);
    },
    refresh: () => exchange.refresh(),
    start: (options) => exchange.start(options),
    listPriceTimes: () => exchange.listPriceTimes(),
  };
}
