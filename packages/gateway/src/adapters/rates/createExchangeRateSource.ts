import type { Decimal } from '../../core/money/Decimal.ts';
import type { RateLookup, RateSource } from '../../core/RateSource.ts';
import { sleep } from '../system/sleep.ts';
import type { ExchangeName } from './ExchangeName.ts';
import { getConsensusRate, type ObservedPrice } from './getConsensusRate.ts';
import { getExchangeRetryDelay } from './getExchangeRetryDelay.ts';
import { type ExchangeSourceState, indexExchangeTokens } from './indexExchangeTokens.ts';
import type { PriceFetcher } from './PriceFetcher.ts';
import { RateFetchError } from './RateFetchError.ts';

/** How one token is priced from exchanges. */
export type ExchangeRateToken = {
  readonly symbol: string;
  /** Each source counts once; the rate is the median of the fresh ones. */
  readonly sources: readonly ExchangeName[];
  /** A price is fetched again once it is this old. */
  readonly cacheMs: number;
  /** A price this old no longer counts; must exceed `cacheMs` so a refresh lands in time. */
  readonly staleMs: number;
  /** Largest accepted (max − min) / median over the fresh prices, as a fraction (`0.02` is 2 %). */
  readonly maxSpread: Decimal;
};

export type ExchangeBackoff = {
  /** Wait after the first failure; doubles with each further failure in a row. */
  readonly initialMs: number;
  readonly maxMs: number;
};

export type CreateExchangeRateSourceParameters = {
  readonly tokens: readonly ExchangeRateToken[];
  /** Fetchers already bound to their base URL and timeout; one for every source a token names. */
  readonly fetchers: Readonly<Partial<Record<ExchangeName, PriceFetcher>>>;
  readonly now: () => number;
  readonly backoff?: ExchangeBackoff;
  /** Told about every failed fetch (for logs and metrics); the source has already scheduled its retry. */
  readonly onFetchError?: (error: unknown, source: ExchangeName) => void;
};

export type ExchangeRateSource = RateSource & {
  /** Fetches every price that is due from every source not backing off; failures go to `onFetchError`, not to the caller. */
  refresh(): Promise<void>;
  /** Refreshes in the background until `signal` aborts; resolves once stopped. */
  start(options: { readonly signal: AbortSignal }): Promise<void>;
  /** When each source last priced each token (for the rate-age metric). */
  listPriceTimes(): { readonly source: ExchangeName; readonly symbol: string; readonly asOfMs: number }[];
};

const DEFAULT_BACKOFF: ExchangeBackoff = { initialMs: 1_000, maxMs: 5 * 60_000 };

// The loop wakes at least this often so a wall-clock jump cannot make it oversleep for long.
const MAX_SLEEP_MS = 60_000;

const NEVER_ABORTED = new AbortController().signal;

/**
 * Prices tokens from exchange APIs. Prices are fetched in the background and cached; `getRate`
 * only reads the cache, takes the median of each token's fresh prices and refuses (`stale`,
 * `missing`, `disagree`) rather than quote a price it cannot stand behind.
 */
export function createExchangeRateSource({
  tokens,
  fetchers,
  now,
  backoff = DEFAULT_BACKOFF,
  onFetchError,
}: CreateExchangeRateSourceParameters): ExchangeRateSource {
  const { tokenBySymbol, sources } = indexExchangeTokens(tokens, fetchers);

  function listDueSymbols(source: ExchangeSourceState, atMs: number): string[] {
    return source.symbols.filter((symbol) => {
      const observed = source.prices.get(symbol);
      const cacheMs = tokenBySymbol.get(symbol)?.cacheMs ?? 0;
      return observed === undefined || atMs - observed.asOfMs >= cacheMs;
    });
  }

  async function fetchSource(
    source: ExchangeSourceState,
    symbols: readonly string[],
    signal: AbortSignal,
  ): Promise<void> {
    // Stamped when asked, not when answered: a slow answer is counted as old as it may be.
    const askedAtMs = now();
    let failure: unknown = null;
    try {
      const prices = await source.fetch({ symbols, signal });
      for (const symbol of symbols) {
        const price = prices.get(symbol);
        if (price !== undefined) source.prices.set(symbol, { price, asOfMs: askedAtMs });
      }
      const missing = symbols.filter((symbol) => !prices.has(symbol));
      if (missing.length > 0) {
        failure = new RateFetchError({ source: source.name, kind: 'missing_symbol', detail: missing.join(',') });
      }
    } catch (error) {
      // Stopping is not the exchange's fault; do not back off for it.
      if (signal.aborted) return;
      failure = error;
    }
    if (failure === null) {
      source.failures = 0;
      source.retryAtMs = 0;
      return;
    }
    source.failures += 1;
    const retryAfterMs = failure instanceof RateFetchError ? failure.retryAfterMs : null;
    source.retryAtMs = now() + getExchangeRetryDelay({ failures: source.failures, retryAfterMs, ...backoff });
    onFetchError?.(failure, source.name);
  }

  async function refreshWith(signal: AbortSignal): Promise<void> {
    const nowMs = now();
    const rounds: Promise<void>[] = [];
    for (const source of sources.values()) {
      // One request per source at a time, whoever asks: a manual refresh joins a running one.
      if (source.inFlight !== null) {
        rounds.push(source.inFlight);
        continue;
      }
      if (nowMs < source.retryAtMs) continue;
      const due = listDueSymbols(source, nowMs);
      if (due.length === 0) continue;
      const round = fetchSource(source, due, signal).finally(() => {
        source.inFlight = null;
      });
      source.inFlight = round;
      rounds.push(round);
    }
    await Promise.all(rounds);
  }

  function getNextWakeMs(nowMs: number): number {
    let wakeMs = Number.POSITIVE_INFINITY;
    for (const source of sources.values()) {
      if (source.inFlight !== null) return nowMs;
      if (nowMs < source.retryAtMs) {
        wakeMs = Math.min(wakeMs, source.retryAtMs);
        continue;
      }
      for (const symbol of source.symbols) {
        const observed = source.prices.get(symbol);
        const cacheMs = tokenBySymbol.get(symbol)?.cacheMs ?? 0;
        wakeMs = Math.min(wakeMs, observed === undefined ? nowMs : observed.asOfMs + cacheMs);
      }
    }
    return wakeMs;
  }

  return {
    getRate(symbol: string): RateLookup {
      const upper = symbol.toUpperCase();
      const token = tokenBySymbol.get(upper);
      if (token === undefined) return { ok: false, reason: 'missing' };
      const nowMs = now();
      const fresh: ObservedPrice[] = [];
      let hasAny = false;
      for (const name of token.sources) {
        const observed = sources.get(name)?.prices.get(upper);
        if (observed === undefined) continue;
        hasAny = true;
        if (nowMs - observed.asOfMs < token.staleMs) fresh.push(observed);
      }
      if (fresh.length === 0) return { ok: false, reason: hasAny ? 'stale' : 'missing' };
      return getConsensusRate(fresh, token.maxSpread);
    },

    refresh(): Promise<void> {
      return refreshWith(NEVER_ABORTED);
    },

    listPriceTimes() {
      return [...sources.values()].flatMap((source) =>
        [...source.prices].map(([symbol, { asOfMs }]) => ({ source: source.name, symbol, asOfMs })),
      );
    },

    async start({ signal }: { readonly signal: AbortSignal }): Promise<void> {
      while (!signal.aborted) {
        await refreshWith(signal);
        if (signal.aborted) break;
        const nowMs = now();
        const waitMs = Math.min(Math.max(getNextWakeMs(nowMs) - nowMs, 1), MAX_SLEEP_MS);
        await sleep(waitMs, signal);
      }
    },
  };
}
