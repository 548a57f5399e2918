import type { CheckoutPayment } from '../../../app/getCheckoutState.ts';
import type { Translate } from './createTranslator.ts';
import { escapeHtml as esc } from './escapeHtml.ts';
import { renderExplorerLink } from './renderExplorerLink.ts';

/** A payment's txid as its network's explorer writes it (TRON without `0x`), linked there if it can be. */
export function renderTxid(t: Translate, payment: CheckoutPayment): string {
  const txid = payment.network?.kind.formatTxid(payment.txid) ?? payment.txid;
  const code = `<code class="txid" dir="ltr">${esc(txid)}</code>`;
  return renderExplorerLink({ t, network: payment.network, target: { txid: payment.txid }, html: code });
}
