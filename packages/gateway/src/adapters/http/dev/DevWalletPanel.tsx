import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import { formatAmount } from '../../../core/money/formatAmount.ts';
import { DEV_STYLESHEET_PATH } from './devStylesheet.ts';
import { getSandboxPayment, SANDBOX_PORTIONS, type SandboxPortion } from './getSandboxPayment.ts';

export type DevWalletPanelProps = {
  readonly state: CheckoutState;
  /** The test account the sandbox wallet pays from (0x hex: the same key pays on every sandbox chain). */
  readonly payerAddress: string;
};

const PORTION_LABELS: Readonly<Record<SandboxPortion, string>> = {
  exact: 'Pay exactly',
  half: 'Pay half',
  extra: 'Pay 1.5×',
};

/**
 * The sandbox wallet under the checkout page (`kassa dev` only): forms that post to
 * `/dev/wallet/*`, so it needs no script and lives within the page's strict CSP. English only:
 * buyers never see it.
 */
export function DevWalletPanel({ state, payerAddress }: DevWalletPanelProps) {
  // The payer in the form the order's network writes addresses in (T… on the simulated TRON network).
  const payer = state.network?.kind.formatAddress(payerAddress) ?? payerAddress;
  return (
    <>
      <link rel="stylesheet" href={DEV_STYLESHEET_PATH} />
      <section class="dev-wallet" aria-labelledby="dev-wallet-title">
        <h2 id="dev-wallet-title">Sandbox wallet</h2>
        <p class="dev-note">
          Real transactions on the local devnet from the test account <code>{payer}</code>. Only <code>kassa dev</code>{' '}
          shows this.
        </p>
        {state.network?.kind.name === 'tron' ? (
          <p class="dev-note">
            <strong>Simulated TRON network</strong> ({state.network.key}): an anvil chain behind a TRON API simulator,
            not a TRON node. Its addresses and txids are written as on TRON; a payment counts once its block is final,
            about two seconds later.
          </p>
        ) : null}
        <PayButtons state={state} />
        <ExpireButton state={state} />
        <p class="dev-note">
          <a href="/dev/inbox">Webhook inbox</a>
        </p>
      </section>
    </>
  );
}

function PayButtons({ state }: { state: CheckoutState }) {
  const payments = SANDBOX_PORTIONS.flatMap((portion) => {
    const payment = getSandboxPayment(state, portion);
    return payment === null ? [] : [{ portion, payment }];
  });
  if (payments.length === 0) return <p>Pick a coin above: the sandbox wallet then pays into its deposit address.</p>;
  return (
    <form method="post" action="/dev/wallet/pay" class="dev-actions">
      <input type="hidden" name="token" value={state.order.checkoutToken} />
      {payments.map(({ portion, payment }) => (
        <button key={portion} type="submit" name="portion" value={portion}>
          {PORTION_LABELS[portion]}{' '}
          <span dir="ltr">{`${formatAmount(payment.amount, payment.quote.decimals)} ${payment.quote.symbol}`}</span>
        </button>
      ))}
    </form>
  );
}

function ExpireButton({ state }: { state: CheckoutState }) {
  if (!state.isOpen) {
    return <p class="dev-note">The valid period has ended: a payment made now is late (“Overdue”).</p>;
  }
  return (
    <>
      <form method="post" action="/dev/wallet/expire" class="dev-actions">
        <input type="hidden" name="token" value={state.order.checkoutToken} />
        <button type="submit">Move the clock past expiry</button>
      </form>
      <p class="dev-note">
        Kassa keeps time by this computer’s clock, not the chain’s: this moves the devnet’s clock past the order’s
        expiry and ends the order’s valid period in Kassa, so a payment made now is late (“Overdue”).
      </p>
    </>
  );
}
