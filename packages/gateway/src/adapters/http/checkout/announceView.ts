import { formatAmount } from '../../../core/money/formatAmount.ts';
import { isRestPayable } from './isRestPayable.ts';
import { requireQuote } from './requireQuote.ts';
import type { CheckoutViewKind, StateViewContext } from './StateView.ts';

/** One sentence per screen; a table over every kind, so a new screen without one does not compile. */
const ANNOUNCERS: { readonly [K in CheckoutViewKind]: (p: StateViewContext) => string } = {
  choose: ({ t }) => t('live.choose'),
  awaiting: ({ t }) => t('live.awaiting'),
  detected: ({ t, state }) => {
    const first = state.pendingPayments[0];
    return t('live.detected', {
      count: String(first?.confirmations ?? 0),
      required: String(first?.requiredConfirmations ?? 0),
    });
  },
  underpaid: ({ t, state }) => {
    if (!isRestPayable(state)) return t('live.underpaidClosed');
    const quote = requireQuote(state);
    return t('live.underpaid', {
      amount: formatAmount(state.summary.remainingAmount, quote.decimals),
      coin: quote.symbol,
    });
  },
  paid: ({ t }) => t('live.paid'),
  overpaid: ({ t }) => t('live.overpaid'),
  expired: ({ t }) => t('live.expired'),
};

/** What the live region says when the page shows (or switches to) the screen `kind`. */
export function announceView(kind: CheckoutViewKind, p: StateViewContext): string {
  return ANNOUNCERS[kind](p);
}
