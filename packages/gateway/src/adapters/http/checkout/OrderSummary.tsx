import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import type { Translate } from './createTranslator.ts';
import type { StateView } from './StateView.ts';

export type OrderSummaryProps = { readonly state: CheckoutState; readonly view: StateView; readonly t: Translate };

/** What is paid for: product, price, the countdown while it runs, and the merchant's reference. */
export function OrderSummary({ state, view, t }: OrderSummaryProps) {
  const { order } = state;
  const quote = state.summary.newestQuote;
  const price =
    order.priceUsdCents === null
      ? `${order.productPrice} ${quote?.symbol ?? ''}`.trim()
      : `${formatUsd(order.priceUsdCents)} USD`;
  const details = [
    { label: t('order.reference'), value: order.merchantOrderId },
    { label: t('order.note'), value: order.customValue ?? '' },
  ].filter((row) => row.value !== '');
  return (
    <section class="order" aria-label={t('order.label')}>
      <p class="eyebrow">{t.node('order.payingFor')}</p>
      <h1 class="product">
        <bdi>{order.productName}</bdi>
      </h1>
      <p class="price">
        <span class="visually-hidden">{t.node('order.price')}: </span>
        <span dir="ltr">{price}</span>
      </p>
      <p class="timer" id="timer" data-remaining-ms={view.remainingMs} hidden={!view.showTimer}>
        {t.node('order.timeLeft')}{' '}
        <time id="countdown" dir="ltr">
          {formatRemaining(view.remainingMs)}
        </time>
      </p>
      {details.length === 0 ? null : (
        <details class="details">
          <summary>{t.node('order.details')}</summary>
          <dl>
            {details.map((row) => (
              <div key={row.label}>
                <dt>{row.label}</dt>
                <dd>
                  <bdi>{row.value}</bdi>
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </section>
  );
}

function formatUsd(cents: bigint): string {
  const whole = cents / 100n;
  const fraction = (cents % 100n).toString().padStart(2, '0');
  return `${whole}.${fraction}`;
}

/** `H:MM:SS` (hours may exceed 24); the script keeps it ticking. */
function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
