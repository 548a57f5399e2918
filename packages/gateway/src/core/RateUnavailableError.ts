import { KassaError } from './KassaError.ts';
import type { RateUnavailableReason } from './RateSource.ts';

/** No fresh USD rate for a coin: Kassa refuses to quote rather than guess a price. */
export class RateUnavailableError extends KassaError {
  override readonly name = 'RateUnavailableError';
  readonly symbol: string;
  readonly reason: RateUnavailableReason;

  constructor({ symbol, reason }: { symbol: string; reason: RateUnavailableReason }) {
    super({ code: 'rate_unavailable', message: `no fresh exchange rate for ${symbol} (${reason}); try again shortly` });
    this.symbol = symbol;
    this.reason = reason;
  }
}
