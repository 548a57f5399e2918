import { formatAmount } from '../../../core/money/formatAmount.ts';
import { toOrderWireStatus } from '../../../protocol/toOrderWireStatus.ts';
import { renderBadge } from './renderBadge.ts';
import { renderReturnLink } from './renderReturnLink.ts';
import { renderTransactions } from './renderTransactions.ts';
import { requireQuote } from './requireQuote.ts';
import type { StateViewContext, ViewPart } from './StateView.ts';

/** Paid in full or more: thanks, a late-payment note when overdue, and the way back to the merchant. */
export function renderPaidView(p: StateViewContext, kind: 'paid' | 'overpaid'): ViewPart {
  const { t, state } = p;
  const quote = requireQuote(state);
  const paid = formatAmount(state.summary.paidAmount, quote.decimals);
  const body =
    kind === 'paid'
      ? t.html('paid.body', { amount: paid, coin: quote.symbol })
      : t.html('overpaid.body', { amount: paid, coin: quote.symbol, due: formatAmount(quote.amount, quote.decimals) });
  const overdue = state.summary.isOverdue ? `<p class="note">${t.html('overdue.note')}</p>` : '';
  const back = renderReturnLink({ t, returnUrl: state.order.returnUrl, withCountdown: true });
  return {
    html: `<section class="card done" aria-labelledby="view-heading">${renderBadge(t(`status.${toOrderWireStatus(state.summary.status)}`), 'ok')}<svg class="done-mark" viewBox="0 0 24 24" aria-hidden="true"><path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/></svg><h2 id="view-heading">${t.html(`${kind}.heading`)}</h2><p class="lead">${body}</p>${overdue}${renderTransactions(t, state.recordedPayments)}${back}</section>`,
    announce: t(kind === 'paid' ? 'live.paid' : 'live.overpaid'),
  };
}
