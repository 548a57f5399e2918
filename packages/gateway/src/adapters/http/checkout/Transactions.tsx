import type { CheckoutPayment } from '../../../app/getCheckoutState.ts';
import { formatAmount } from '../../../core/money/formatAmount.ts';
import type { Translate } from './createTranslator.ts';
import { Txid } from './Txid.tsx';

export type TransactionsProps = { readonly t: Translate; readonly payments: readonly CheckoutPayment[] };

/** The payments that count, each with its amount and txid, so the buyer can look them up; nothing if none. */
export function Transactions({ t, payments }: TransactionsProps) {
  if (payments.length === 0) return null;
  return (
    <div class="txs">
      <h3 class="txs-heading">{t.node('tx.heading')}</h3>
      <ul>
        {payments.map((payment) => (
          <li key={payment.txid}>
            <span
              class="tx-amount"
              dir="ltr"
            >{`${formatAmount(payment.amount, payment.decimals)} ${payment.symbol}`}</span>
            <Txid t={t} payment={payment} />
          </li>
        ))}
      </ul>
    </div>
  );
}
