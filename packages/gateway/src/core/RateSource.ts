import type { Decimal } from './money/Decimal.ts';

/** Why no rate can be quoted: never priced, only old prices, or the sources contradict each other. */
export type RateUnavailableReason = 'missing' | 'stale' | 'disagree';

/** A token's price in USD per one whole token, or why there is none right now. */
export type RateLookup =
  | { readonly ok: true; readonly rate: Decimal; readonly asOfMs: number }
  | { readonly ok: false; readonly reason: RateUnavailableReason };

/**
 * The port quotes are priced through. `getRate` is synchronous on purpose: the request path reads
 * whatever the adapter already holds and never waits on an exchange. Symbols match without regard
 * to case (`eth` is `ETH`); `asOfMs` is when the oldest price behind the rate was observed.
 */
export type RateSource = {
  getRate(symbol: string): RateLookup;
};
