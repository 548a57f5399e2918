import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import type { Quote } from '../../../core/Quote.ts';

/** The newest quote of a state whose view only exists once a coin was chosen. */
export function requireQuote(state: CheckoutState): Quote {
  const quote = state.summary.newestQuote;
  // selectViewKind shows these views only with a quote: reaching here without one is a bug.
  if (quote === null) throw new Error('this view needs a quote');
  return quote;
}
