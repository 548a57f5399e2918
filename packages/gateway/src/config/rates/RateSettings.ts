import type { ExchangeRateToken } from '../../adapters/rates/createExchangeRateSource.ts';
import type { ExchangeName } from '../../adapters/rates/ExchangeName.ts';
import type { QuoteLifetimes } from '../../core/getQuoteLifetimeSeconds.ts';

/** The `rates` config section, validated: what `createRateSource` takes, plus quote lifetimes. */
export type RateSettings = {
  /** Limit on each exchange request, body included. */
  readonly timeoutMs: number;
  /** Symbols worth exactly 1 USD. */
  readonly stablecoins: readonly string[];
  /** Operator-set USD prices (upper-case symbol → exact decimal string). */
  readonly fixedPrices: Readonly<Record<string, string>>;
  readonly exchangeTokens: readonly ExchangeRateToken[];
  /** Overridden exchange API roots (a proxy, or a loopback fixture server in tests). */
  readonly baseUrls: Readonly<Partial<Record<ExchangeName, string>>>;
  readonly quoteLifetimes: QuoteLifetimes;
};

export const DEFAULT_RATE_TIMEOUT_MS = 5_000;
export const DEFAULT_RATE_CACHE_MS = 30_000;
export const DEFAULT_RATE_STALE_MS = 120_000;
/** 2 %: two healthy exchanges rarely differ by more than a few tenths of a percent. */
export const DEFAULT_MAX_SPREAD = '0.02';
/** 30 minutes, as the issue asks for non-stable coins. */
export const DEFAULT_QUOTE_LIFETIME_SECONDS = 1_800;
