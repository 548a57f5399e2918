import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import { formatAmount } from '../../../core/money/formatAmount.ts';
import { escapeHtml as esc } from '../checkout/escapeHtml.ts';
import { DEV_STYLESHEET_PATH } from './devStylesheet.ts';
import { getSandboxPayment, SANDBOX_PORTIONS, type SandboxPortion } from './getSandboxPayment.ts';

export type RenderDevWalletPanelParameters = {
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
export function renderDevWalletPanel({ state, payerAddress }: RenderDevWalletPanelParameters): string {
  const token = `<input type="hidden" name="token" value="${esc(state.order.checkoutToken)}">`;
  const buttons = SANDBOX_PORTIONS.flatMap((portion) => {
    const payment = getSandboxPayment(state, portion);
    if (payment === null) return [];
    const amount = `${formatAmount(payment.amount, payment.quote.decimals)} ${payment.quote.symbol}`;
    return [
      `<button type="submit" name="portion" value="${portion}">${esc(PORTION_LABELS[portion])} <span dir="ltr">${esc(amount)}</span></button>`,
    ];
  }).join('');
  const pay =
    buttons === ''
      ? '<p>Pick a coin above: the sandbox wallet then pays into its deposit address.</p>'
      : `<form method="post" action="/dev/wallet/pay" class="dev-actions">${token}${buttons}</form>`;
  const expire = state.isOpen
    ? `<form method="post" action="/dev/wallet/expire" class="dev-actions">${token}<button type="submit">Move the clock past expiry</button></form>` +
      '<p class="dev-note">Kassa keeps time by this computer’s clock, not the chain’s: this moves the devnet’s clock past the order’s expiry and ends the order’s valid period in Kassa, so a payment made now is late (“Overdue”).</p>'
    : '<p class="dev-note">The valid period has ended: a payment made now is late (“Overdue”).</p>';
  // The payer in the form the order's network writes addresses in (T… on the simulated TRON network).
  const payer = state.network?.kind.formatAddress(payerAddress) ?? payerAddress;
  const simulation =
    state.network?.kind.name === 'tron'
      ? `<p class="dev-note"><strong>Simulated TRON network</strong> (${esc(state.network.key)}): an anvil chain behind a TRON API simulator, not a TRON node. Its addresses and txids are written as on TRON; a payment counts once its block is final, about two seconds later.</p>`
      : '';
  return (
    `<link rel="stylesheet" href="${DEV_STYLESHEET_PATH}">` +
    '<section class="dev-wallet" aria-labelledby="dev-wallet-title">' +
    '<h2 id="dev-wallet-title">Sandbox wallet</h2>' +
    `<p class="dev-note">Real transactions on the local devnet from the test account <code>${esc(payer)}</code>. Only <code>kassa dev</code> shows this.</p>` +
    `${simulation}${pay}${expire}<p class="dev-note"><a href="/dev/inbox">Webhook inbox</a></p></section>`
  );
}
