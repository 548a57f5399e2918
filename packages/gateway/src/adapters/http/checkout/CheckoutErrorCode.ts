/** Why choosing a coin failed, as the page explains it (`?error=`). */
export const CHECKOUT_ERRORS = [
  'rate_unavailable',
  'unsupported_token',
  'coin_fixed',
  'too_many_changes',
  'failed',
] as const;

export type CheckoutErrorCode = (typeof CHECKOUT_ERRORS)[number];
