import type { CheckoutPayment } from '../../../app/getCheckoutState.ts';
import { formatAmount } from '../../../core/money/formatAmount.ts';
import type { Translate } from './createTranslator.ts';
import { escapeHtml as esc } from './escapeHtml.ts';
import { renderTxid } from './renderTxid.ts';

/** The payments that count, each with its amount and txid, so the buyer can look them up; nothing if none. */
export function renderTransactions(t: Translate, payments: readonly CheckoutPayment[]): string {
  if (payments.length === 0) return '';
  const items = payments
    .map(
      (payment) =>
        `<li><span class="tx-amount" dir="ltr">${esc(formatAmount(payment.amount, payment.decimals))} ${esc(payment.symbol)}</span>${renderTxid(t, payment)}</li>`,
    )
    .join('');
  return `<div class="txs"><h3 class="txs-heading">${t.html('tx.heading')}</h3><ul>${items}</ul></div>`;
}
