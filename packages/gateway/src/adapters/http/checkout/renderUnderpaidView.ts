import { formatAmount } from '../../../core/money/formatAmount.ts';
import { toOrderWireStatus } from '../../../protocol/toOrderWireStatus.ts';
import { renderBadge } from './renderBadge.ts';
import { renderPayBox } from './renderPayBox.ts';
import { renderReturnLink } from './renderReturnLink.ts';
import { renderSums } from './renderSums.ts';
import { renderTransactions } from './renderTransactions.ts';
import { requireQuote } from './requireQuote.ts';
import type { StateViewContext, ViewPart } from './StateView.ts';

/** Too little arrived: the rest to pay while the order is open, else a note to contact the merchant. */
export function renderUnderpaidView(p: StateViewContext): ViewPart {
  const { t, state } = p;
  const quote = requireQuote(state);
  const status = toOrderWireStatus(state.summary.status);
  const remaining = state.summary.remainingAmount;
  const head = `${renderBadge(t(`status.${status}`), 'warn')}<h2 id="view-heading">${t.html('underpaid.heading')}</h2>${renderSums(t, state, quote)}${renderTransactions(t, state.recordedPayments)}`;
  if (state.isOpen && !state.summary.isOverdue) {
    const amount = formatAmount(remaining, quote.decimals);
    return {
      html: `<section class="card" aria-labelledby="view-heading">${head}<p class="lead">${t.html('underpaid.body', { amount, coin: quote.symbol })}</p>${renderPayBox(t, state, quote, remaining)}</section>`,
      announce: t('live.underpaid', { amount, coin: quote.symbol }),
    };
  }
  const back = renderReturnLink({ t, returnUrl: state.order.returnUrl, withCountdown: false });
  return {
    html: `<section class="card" aria-labelledby="view-heading">${head}<p class="note">${t.html('underpaid.closed')}</p>${back}</section>`,
    announce: t('live.underpaidClosed'),
  };
}
