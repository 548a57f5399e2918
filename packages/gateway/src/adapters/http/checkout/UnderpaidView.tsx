import { formatAmount } from '../../../core/money/formatAmount.ts';
import { toOrderWireStatus } from '../../../protocol/toOrderWireStatus.ts';
import { Badge } from './Badge.tsx';
import { isRestPayable } from './isRestPayable.ts';
import { PayBox } from './PayBox.tsx';
import { ReturnLink } from './ReturnLink.tsx';
import { requireQuote } from './requireQuote.ts';
import type { StateViewContext } from './StateView.ts';
import { Sums } from './Sums.tsx';
import { Transactions } from './Transactions.tsx';

/** Too little arrived: the rest to pay while the order is open, else a note to contact the merchant. */
export function UnderpaidView({ t, state }: StateViewContext) {
  const quote = requireQuote(state);
  const remaining = state.summary.remainingAmount;
  return (
    <section class="card" aria-labelledby="view-heading">
      <Badge text={t(`status.${toOrderWireStatus(state.summary.status)}`)} tone="warn" />
      <h2 id="view-heading">{t.node('underpaid.heading')}</h2>
      <Sums t={t} state={state} quote={quote} />
      <Transactions t={t} payments={state.recordedPayments} />
      {isRestPayable(state) ? (
        <>
          <p class="lead">
            {t.node('underpaid.body', { amount: formatAmount(remaining, quote.decimals), coin: quote.symbol })}
          </p>
          <PayBox t={t} state={state} quote={quote} amount={remaining} />
        </>
      ) : (
        <>
          <p class="note">{t.node('underpaid.closed')}</p>
          <ReturnLink t={t} returnUrl={state.order.returnUrl} withCountdown={false} />
        </>
      )}
    </section>
  );
}
