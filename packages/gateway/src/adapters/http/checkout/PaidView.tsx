import { formatAmount } from '../../../core/money/formatAmount.ts';
import { toOrderWireStatus } from '../../../protocol/toOrderWireStatus.ts';
import { Badge } from './Badge.tsx';
import { ReturnLink } from './ReturnLink.tsx';
import { requireQuote } from './requireQuote.ts';
import type { StateViewContext } from './StateView.ts';
import { Transactions } from './Transactions.tsx';

export type PaidViewProps = StateViewContext & { readonly kind: 'paid' | 'overpaid' };

/** Paid in full or more: thanks, a late-payment note when overdue, and the way back to the merchant. */
export function PaidView({ t, state, kind }: PaidViewProps) {
  const quote = requireQuote(state);
  const paid = formatAmount(state.summary.paidAmount, quote.decimals);
  const body =
    kind === 'paid'
      ? t.node('paid.body', { amount: paid, coin: quote.symbol })
      : t.node('overpaid.body', { amount: paid, coin: quote.symbol, due: formatAmount(quote.amount, quote.decimals) });
  return (
    <section class="card done" aria-labelledby="view-heading">
      <Badge text={t(`status.${toOrderWireStatus(state.summary.status)}`)} tone="ok" />
      <svg class="done-mark" viewBox="0 0 24 24" aria-hidden="true">
        <path
          d="M5 12.5l4.5 4.5L19 7.5"
          fill="none"
          stroke="currentColor"
          stroke-width="2.5"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      </svg>
      <h2 id="view-heading">{t.node(`${kind}.heading`)}</h2>
      <p class="lead">{body}</p>
      {state.summary.isOverdue ? <p class="note">{t.node('overdue.note')}</p> : null}
      <Transactions t={t} payments={state.recordedPayments} />
      <ReturnLink t={t} returnUrl={state.order.returnUrl} withCountdown />
    </section>
  );
}
