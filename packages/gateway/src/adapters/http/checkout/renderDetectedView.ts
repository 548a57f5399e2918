import { formatAmount } from '../../../core/money/formatAmount.ts';
import { renderBadge } from './renderBadge.ts';
import { renderSums } from './renderSums.ts';
import { renderTransactions } from './renderTransactions.ts';
import { renderTxid } from './renderTxid.ts';
import type { StateViewContext, ViewPart } from './StateView.ts';

/** Payments seen on chain but not deep enough yet: their confirmations so far, and those that count. */
export function renderDetectedView(p: StateViewContext): ViewPart {
  const { t, state } = p;
  const quote = state.summary.newestQuote;
  const rows = state.pendingPayments
    .map((payment, i) => {
      const id = `confirmations-${i + 1}`;
      const values = { count: String(payment.confirmations), required: String(payment.requiredConfirmations) };
      return `<div class="confirm"><p>${t.html('detected.body', { amount: formatAmount(payment.amount, payment.decimals), coin: payment.symbol })}</p><p class="confirm-count" id="${id}">${t.html('detected.confirmations', values)}</p><progress aria-labelledby="${id}" max="${payment.requiredConfirmations}" value="${payment.confirmations}"></progress><p class="tx"><span class="tx-label">${t.html('tx.label')}</span> ${renderTxid(t, payment)}</p></div>`;
    })
    .join('');
  const sums = quote !== null && state.summary.funds === 'part' ? renderSums(t, state, quote) : '';
  const first = state.pendingPayments[0];
  return {
    html: `<section class="card" aria-labelledby="view-heading">${renderBadge(t('status.detected'), 'progress')}<h2 id="view-heading">${t.html('detected.heading')}</h2>${rows}${sums}${renderTransactions(t, state.recordedPayments)}<p class="note">${t.html('detected.keepOpen')}</p></section>`,
    announce: t('live.detected', {
      count: String(first?.confirmations ?? 0),
      required: String(first?.requiredConfirmations ?? 0),
    }),
  };
}
