import { KassaError } from '../../../core/KassaError.ts';
import { TooManyQuotesError } from '../../../core/TooManyQuotesError.ts';
import type { CheckoutErrorCode } from './CheckoutErrorCode.ts';

/** What the page tells the buyer about a failed coin choice; anything unexpected is `failed`. */
export function toCheckoutError(error: unknown): CheckoutErrorCode {
  if (!(error instanceof KassaError)) return 'failed';
  // Also `invalid_param`, but the buyer can do something else about it than about a fixed coin.
  if (error instanceof TooManyQuotesError) return 'too_many_changes';
  switch (error.code) {
    case 'unsupported_token':
      return 'unsupported_token';
    case 'rate_unavailable':
      return 'rate_unavailable';
    // selectCoin refuses a change once a payment was seen, for merchant-chosen coins, and after expiry.
    case 'invalid_param':
      return 'coin_fixed';
    default:
      return 'failed';
  }
}
