import type { Decimal } from '../../core/money/Decimal.ts';
import type { SendHttpRequest } from '../net/sendHttpRequest.ts';

/** What every exchange fetcher takes: where to ask, for which of our symbols, and how long to wait. */
export type FetchPricesParameters = {
  /** The exchange's API root, e.g. `https://api.kraken.com`; tests point it at a loopback server. */
  readonly baseUrl: string;
  /** Our symbols (`ETH`, `POL`, ...); each fetcher maps them to its own pair names. */
  readonly symbols: readonly string[];
  readonly timeoutMs: number;
  /** Default: `sendHttpRequest`; tests pass a watched one. */
  readonly send?: SendHttpRequest;
  readonly signal?: AbortSignal;
};

/**
 * A fetcher bound to its base URL and timeout: resolves with a USD price for every symbol asked
 * for, keyed by the symbol as given, or rejects with a `RateFetchError`.
 */
export type PriceFetcher = (parameters: {
  readonly symbols: readonly string[];
  readonly signal: AbortSignal;
}) => Promise<ReadonlyMap<string, Decimal>>;
