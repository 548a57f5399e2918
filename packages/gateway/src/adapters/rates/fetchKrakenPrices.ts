import type { Decimal } from '../../core/money/Decimal.ts';
import { fetchExchangeJson } from './fetchExchangeJson.ts';
import { mapSymbolsToPairs } from './mapSymbolsToPairs.ts';
import type { FetchPricesParameters } from './PriceFetcher.ts';
import { RateFetchError } from './RateFetchError.ts';
import { readPairPrices } from './readPairPrices.ts';

/** Kraken's public REST host (market data needs no key). */
export const KRAKEN_BASE_URL = 'https://api.kraken.com';

// Kraken keys its answer by the pair's canonical name, which for its oldest assets is not the
// name one would guess (`ETHUSD` comes back as `XETHZUSD`); asking by the canonical name makes
// the answer's key the one we asked for. MATIC trades as POL since 2024; WETH is 1:1 ETH.
const PAIRS: Readonly<Record<string, string>> = {
  BTC: 'XXBTZUSD',
  XBT: 'XXBTZUSD',
  ETH: 'XETHZUSD',
  WETH: 'XETHZUSD',
  MATIC: 'POLUSD',
};

/**
 * Reads last-trade prices (`c[0]`) from Kraken `GET /0/public/Ticker?pair=A,B`. Kraken reports
 * its errors in the body of an HTTP 200 (`{"error":["EQuery:Unknown asset pair"]}`).
 */
export async function fetchKrakenPrices(parameters: FetchPricesParameters): Promise<Map<string, Decimal>> {
  const pairBySymbol = mapSymbolsToPairs('kraken', parameters.symbols, (symbol) => PAIRS[symbol] ?? `${symbol}USD`);
  if (pairBySymbol.size === 0) return new Map();
  const body = await fetchExchangeJson({
    ...parameters,
    source: 'kraken',
    path: '0/public/Ticker',
    query: { pair: [...new Set(pairBySymbol.values())].join(',') },
  });
  const tickers = readKrakenResult(body);
  return readPairPrices('kraken', pairBySymbol, {
    has: (pair) => Object.hasOwn(tickers, pair),
    get: (pair) => {
      const ticker = tickers[pair];
      const lastTrade = typeof ticker === 'object' && ticker !== null ? (ticker as { c?: unknown }).c : undefined;
      if (!Array.isArray(lastTrade)) {
        throw new RateFetchError({ source: 'kraken', kind: 'malformed', detail: `${pair}: no last trade` });
      }
      return lastTrade[0];
    },
  });
}

/** The tickers of a Kraken answer, or the error it carries in its body. */
function readKrakenResult(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RateFetchError({ source: 'kraken', kind: 'malformed', detail: 'expected an object' });
  }
  const { error, result } = body as { error?: unknown; result?: unknown };
  if (!Array.isArray(error) || !error.every((item) => typeof item === 'string')) {
    throw new RateFetchError({ source: 'kraken', kind: 'malformed', detail: 'no error list' });
  }
  if (error.length > 0) throw getKrakenError(error);
  if (typeof result !== 'object' || result === null) {
    throw new RateFetchError({ source: 'kraken', kind: 'malformed', detail: 'no result' });
  }
  return result as Record<string, unknown>;
}

function getKrakenError(messages: readonly string[]): RateFetchError {
  const detail = messages.join('; ');
  if (messages.some((message) => message.startsWith('EQuery:Unknown asset pair'))) {
    return new RateFetchError({ source: 'kraken', kind: 'missing_symbol', status: 200, detail });
  }
  // Kraken throttles public calls with an error in a 200 body and no Retry-After.
  if (messages.some((message) => /Too many requests|Rate limit exceeded/i.test(message))) {
    return new RateFetchError({ source: 'kraken', kind: 'rate_limited', status: 200, detail });
  }
  return new RateFetchError({ source: 'kraken', kind: 'exchange_error', status: 200, detail });
}
