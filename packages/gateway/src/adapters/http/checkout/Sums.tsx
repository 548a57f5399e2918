import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import { formatAmount } from '../../../core/money/formatAmount.ts';
import type { Quote } from '../../../core/Quote.ts';
import type { Translate } from './createTranslator.ts';

export type SumsProps = { readonly t: Translate; readonly state: CheckoutState; readonly quote: Quote };

/** Due, received and still to pay, in the quote's coin. */
export function Sums({ t, state, quote }: SumsProps) {
  const row = (label: string, amount: bigint, cls = '') => (
    <div class={`sum${cls}`}>
      <dt>{label}</dt>
      <dd dir="ltr">{`${formatAmount(amount, quote.decimals)} ${quote.symbol}`}</dd>
    </div>
  );
  return (
    <dl class="sums">
      {row(t('sums.due'), quote.amount)}
      {row(t('sums.received'), state.summary.paidAmount)}
      {row(t('sums.remaining'), state.summary.remainingAmount, ' strong')}
    </dl>
  );
}
