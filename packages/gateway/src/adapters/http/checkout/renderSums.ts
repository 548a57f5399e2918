import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import { formatAmount } from '../../../core/money/formatAmount.ts';
import type { Quote } from '../../../core/Quote.ts';
import type { Translate } from './createTranslator.ts';
import { escapeHtml as esc } from './escapeHtml.ts';

/** Due, received and still to pay, in the quote's coin. */
export function renderSums(t: Translate, state: CheckoutState, quote: Quote): string {
  const row = (label: string, amount: bigint, cls = '') =>
    `<div class="sum${cls}"><dt>${esc(label)}</dt><dd dir="ltr">${esc(formatAmount(amount, quote.decimals))} ${esc(quote.symbol)}</dd></div>`;
  return `<dl class="sums">${row(t('sums.due'), quote.amount)}${row(t('sums.received'), state.summary.paidAmount)}${row(t('sums.remaining'), state.summary.remainingAmount, ' strong')}</dl>`;
}
