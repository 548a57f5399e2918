import type { CheckoutPendingPayment } from '../../../app/getCheckoutState.ts';
import { formatAmount } from '../../../core/money/formatAmount.ts';
import { Badge } from './Badge.tsx';
import type { Translate } from './createTranslator.ts';
import type { StateViewContext } from './StateView.ts';
import { Sums } from './Sums.tsx';
import { Transactions } from './Transactions.tsx';
import { Txid } from './Txid.tsx';

/** Payments seen on chain but not deep enough yet: their confirmations so far, and those that count. */
export function DetectedView({ t, state }: StateViewContext) {
  const quote = state.summary.newestQuote;
  return (
    <section class="card" aria-labelledby="view-heading">
      <Badge text={t('status.detected')} tone="progress" />
      <h2 id="view-heading">{t.node('detected.heading')}</h2>
      {state.pendingPayments.map((payment, i) => (
        <PendingPayment key={payment.txid} t={t} payment={payment} id={`confirmations-${i + 1}`} />
      ))}
      {quote !== null && state.summary.funds === 'part' ? <Sums t={t} state={state} quote={quote} /> : null}
      <Transactions t={t} payments={state.recordedPayments} />
      <p class="note">{t.node('detected.keepOpen')}</p>
    </section>
  );
}

function PendingPayment({ t, payment, id }: { t: Translate; payment: CheckoutPendingPayment; id: string }) {
  const values = { count: String(payment.confirmations), required: String(payment.requiredConfirmations) };
  return (
    <div class="confirm">
      <p>{t.node('detected.body', { amount: formatAmount(payment.amount, payment.decimals), coin: payment.symbol })}</p>
      <p class="confirm-count" id={id}>
        {t.node('detected.confirmations', values)}
      </p>
      <progress aria-labelledby={id} max={payment.requiredConfirmations} value={payment.confirmations} />
      <p class="tx">
        <span class="tx-label">{t.node('tx.label')}</span> <Txid t={t} payment={payment} />
      </p>
    </div>
  );
}
