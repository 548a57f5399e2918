import type { Decimal } from '../../core/money/Decimal.ts';
import type { RateLookup, RateSource } from '../../core/RateSource.ts';
import { sleep } from '../system/sleep.ts';
import type { ExchangeName } from './ExchangeName.ts';
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
};

type ObservedPrice = { readonly price: Decimal; readonly asOfMs: number };

type SourceState = {
  readonly name: ExchangeName;
  readonly fetch: PriceFetcher;
  readonly symbols: string[];
  readonly prices: Map<string, ObservedPrice>;
  failures: number;
  retryAtMs: number;
  inFlight: Promise<void> | null;
};

const DEFAULT_BACKOFF: ExchangeBackoff = { initialMs: 1_000, maxMs: 5 * 60_000 };

// A Retry-After is honoured even beyond `backoff.maxMs` (ignoring one gets an IP banned), but a
// nonsense value must not silence a source for good.
const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

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
  const tokenBySymbol = new Map<string, ExchangeRateToken>();
  const sources = new Map<ExchangeName, SourceState>();
  for (const token of tokens) {
    const symbol = token.symbol.toUpperCase();
    assertValidToken(token, tokenBySymbol.has(symbol));
    tokenBySymbol.set(symbol, token);
    for (const name of token.sources) {
      const fetch = fetchers[name];
      if (fetch === undefined) throw new RangeError(`rate token ${token.symbol}: no fetcher for ${name}`);
      let source = sources.get(name);
      if (source === undefined) {
        source = { name, fetch, symbols: [], prices: new Map(), failures: 0, retryAtMs: 0, inFlight: null };
        sources.set(name, source);
      }
      source.symbols.push(symbol);
    }
  }

  function listDueSymbols(source: SourceState, atMs: number): string[] {
    return source.symbols.filter((symbol) => {
      const observed = source.prices.get(symbol);
      const cacheMs = tokenBySymbol.get(symbol)?.cacheMs ?? 0;
      return observed === undefined || atMs - observed.asOfMs >= cacheMs;
    });
  }

  async function fetchSource(source: SourceState, symbols: readonly string[], signal: AbortSignal): Promise<void> {
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
    source.retryAtMs = now() + getRetryDelayMs(source.failures, retryAfterMs, backoff);
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
      const sorted = fresh.map((observed) => observed.price).sort(compareDecimals);
      const median = getMedian(sorted);
      const lowest = sorted[0] ?? median;
      const highest = sorted[sorted.length - 1] ?? median;
      // (max − min) / median > maxSpread, multiplied out so no division (and no rounding) happens.
      const spread = subtractDecimals(highest, lowest);
      if (compareDecimals(spread, multiplyDecimals(token.maxSpread, median)) > 0) {
        return { ok: false, reason: 'disagree' };
      }
      const asOfMs = Math.min(...fresh.map((observed) => observed.asOfMs));
      return { ok: true, rate: trimDecimal(median), asOfMs };
    },

    refresh(): Promise<void> {
      return refreshWith(NEVER_ABORTED);
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

function assertValidToken(token: ExchangeRateToken, isDuplicate: boolean): void {
  const label = `rate token ${token.symbol}`;
  if (token.symbol === '') throw new RangeError('rate token: empty symbol');
  if (isDuplicate) throw new RangeError(`${label}: listed twice`);
  if (token.sources.length === 0) throw new RangeError(`${label}: no sources`);
  if (new Set(token.sources).size !== token.sources.length) throw new RangeError(`${label}: a source listed twice`);
  if (!Number.isSafeInteger(token.cacheMs) || token.cacheMs <= 0) throw new RangeError(`${label}: cacheMs must be > 0`);
  if (!Number.isSafeInteger(token.staleMs) || token.staleMs <= token.cacheMs) {
    throw new RangeError(`${label}: staleMs must exceed cacheMs`);
  }
}

/** Exponential backoff per failure in a row, stretched to any Retry-After the exchange sent. */
function getRetryDelayMs(failures: number, retryAfterMs: number | null, backoff: ExchangeBackoff): number {
  const exponentialMs = Math.min(backoff.initialMs * 2 ** Math.min(failures - 1, 30), backoff.maxMs);
  if (retryAfterMs === null) return exponentialMs;
  return Math.max(exponentialMs, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
}

function alignDecimals(a: Decimal, b: Decimal): { a: bigint; b: bigint; scale: number } {
  const scale = Math.max(a.scale, b.scale);
  return { a: a.units * 10n ** BigInt(scale - a.scale), b: b.units * 10n ** BigInt(scale - b.scale), scale };
}

function compareDecimals(a: Decimal, b: Decimal): number {
  const aligned = alignDecimals(a, b);
  return aligned.a === aligned.b ? 0 : aligned.a < aligned.b ? -1 : 1;
}

function subtractDecimals(a: Decimal, b: Decimal): Decimal {
  const aligned = alignDecimals(a, b);
  return { units: aligned.a - aligned.b, scale: aligned.scale };
}

function multiplyDecimals(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

// For an even count the median is the mean of the middle two, kept exact: halving an odd sum
// adds one decimal place (x / 2 = 5x / 10) instead of rounding.
function getMedian(sorted: readonly Decimal[]): Decimal {
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle];
  if (upper === undefined) throw new RangeError('median of no prices');
  if (sorted.length % 2 === 1) return upper;
  const lower = sorted[middle - 1] ?? upper;
  const aligned = alignDecimals(lower, upper);
  const sum = aligned.a + aligned.b;
  return sum % 2n === 0n ? { units: sum / 2n, scale: aligned.scale } : { units: sum * 5n, scale: aligned.scale + 1 };
}

// Exchanges pad prices ("3456.78000000"); drop the padding so rates stay short where they are stored.
function trimDecimal(d: Decimal): Decimal {
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}
