import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import { formatAmount } from '../../../core/money/formatAmount.ts';
import type { Network } from '../../../core/network.ts';
import type { Quote } from '../../../core/Quote.ts';
import type { Translate } from './createTranslator.ts';
import { describeNetwork } from './describeNetwork.ts';
import { escapeHtml as esc } from './escapeHtml.ts';
import { isSimulatedNetwork } from './isSimulatedNetwork.ts';
import { renderExplorerLink } from './renderExplorerLink.ts';
import { renderQrSvg } from './renderQrSvg.ts';

/** Amount, network, address, QR and the which-token-on-which-network warning. */
export function renderPayBox(t: Translate, state: CheckoutState, quote: Quote, amount: bigint): string {
  const network = state.network;
  const token = network?.tokens.find((x) => x.tokenId === quote.tokenId);
  const networkName = network === null ? quote.networkKey : describeNetwork(network, token);
  const amountText = formatAmount(amount, quote.decimals);
  // Without its network (removed from the config) the page cannot write the address in its form.
  const format = network?.kind.formatAddress ?? ((a: string) => a);
  const address = format(quote.address);
  const qr = network === null ? '' : renderQr(t, network, { quote, amount, amountText, networkName });
  // Only a payment URI opens a wallet app; an address-only code (TRON) is no link, just text to scan.
  const wallet =
    network === null || !network.kind.paymentUriHasAmount
      ? ''
      : `<p class="wallet"><a class="button" href="${esc(buildUri(network, quote, amount))}">${t.html('pay.openWallet')}</a></p>`;
  const explorer =
    network?.explorerUrl === undefined
      ? ''
      : renderExplorerLink({ t, network, target: { address: quote.address }, html: t.html('pay.viewOnExplorer') });
  const contract =
    quote.contract === null
      ? ''
      : `<div class="field"><dt>${t.html('pay.contract')}</dt><dd><code class="value small" dir="ltr">${esc(format(quote.contract))}</code></dd></div>`;
  const simulated =
    network !== null && isSimulatedNetwork(network) ? `<p class="simulated">${t.html('pay.simulated')}</p>` : '';
  return (
    `<div class="pay"><div class="pay-main"><dl class="fields">` +
    `<div class="field"><dt>${t.html('pay.amount')}</dt><dd><span class="value amount" dir="ltr"><code>${esc(amountText)}</code> ${esc(quote.symbol)}</span>${renderCopyButton(t, amountText, 'pay.copyAmount')}</dd></div>` +
    `<div class="field"><dt>${t.html('pay.network')}</dt><dd><bdi>${esc(networkName)}</bdi></dd></div>` +
    `<div class="field"><dt>${t.html('pay.address')}</dt><dd><code class="value address" dir="ltr">${esc(address)}</code>${renderCopyButton(t, address, 'pay.copyAddress')}${explorer}</dd></div>` +
    `${contract}</dl>${wallet}</div>${qr}</div>` +
    `<div class="warning" role="note">${simulated}<p><strong>${t.html('pay.warning', { coin: quote.symbol, network: networkName })}</strong> ${t.html('pay.warningDetail')}</p><p>${t.html('pay.exactHint')}</p></div>`
  );
}

function buildUri(network: Network, quote: Quote, amount: bigint): string {
  return network.kind.buildPaymentUri({
    chainId: network.chainId,
    to: quote.address,
    contract: quote.contract,
    amount,
  });
}

/**
 * The QR code for paying from another device. Where the network's wallets share no payment URI
 * (TRON) it holds the bare address, so its name and hint say the amount is typed by hand.
 */
function renderQr(
  t: Translate,
  network: Network,
  p: { quote: Quote; amount: bigint; amountText: string; networkName: string },
): string {
  const hasAmount = network.kind.paymentUriHasAmount;
  const label = hasAmount
    ? t('pay.qrLabel', { amount: p.amountText, coin: p.quote.symbol, network: p.networkName })
    : t('pay.qrLabelAddress', { network: p.networkName });
  const hint = t.html(hasAmount ? 'pay.qrHint' : 'pay.qrHintAddressOnly');
  const svg = renderQrSvg({ text: buildUri(network, p.quote, p.amount), label });
  return `<figure class="qr">${svg}<figcaption>${hint}</figcaption></figure>`;
}

function renderCopyButton(t: Translate, value: string, labelKey: string): string {
  return `<button type="button" class="copy" data-copy="${esc(value)}" data-copied="${esc(t('pay.copied'))}" aria-label="${esc(t(labelKey))}" hidden>${t.html('pay.copy')}</button>`;
}
