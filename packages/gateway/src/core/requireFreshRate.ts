import type { Decimal } from './money/Decimal.ts';
import type { RateSource } from './RateSource.ts';
import { RateUnavailableError } from './RateUnavailableError.ts';

/**
 * The USD rate of `symbol` to quote with now; `rate_unavailable` when the source has no fresh one
 * (a stale rate refuses a quote rather than quoting a wrong price).
 */
export function requireFreshRate(rateSource: RateSource, symbol: string): Decimal {
  const lookup = rateSource.getRate(symbol);
  if (!lookup.ok) throw new RateUnavailableError({ symbol, reason: lookup.reason });
  return lookup.rate;
}
