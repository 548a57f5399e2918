import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import { formatAmount } from '../../../core/money/formatAmount.ts';
import type { Quote } from '../../../core/Quote.ts';
import type { Translate } from './createTranslator.ts';
import { describeNetwork } from './describeNetwork.ts';
import { escapeHtml as esc } from './escapeHtml.ts';
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
  const uri =
    network === null
      ? null
      : network.kind.buildPaymentUri({ chainId: network.chainId, to: quote.address, contract: quote.contract, amount });
  // The QR code is for paying from another device; on a phone the wallet link opens the same request.
  const qr =
    uri === null
      ? ''
      : `<figure class="qr">${renderQrSvg({
          text: uri,
          label: t('pay.qrLabel', { amount: amountText, coin: quote.symbol, network: networkName }),
        })}<figcaption>${t.html('pay.qrHint')}</figcaption></figure>`;
  const wallet =
    uri === null ? '' : `<p class="wallet"><a class="button" href="${esc(uri)}">${t.html('pay.openWallet')}</a></p>`;
  const contract =
    quote.contract === null
      ? ''
      : `<div class="field"><dt>${t.html('pay.contract')}</dt><dd><code class="value small" dir="ltr">${esc(format(quote.contract))}</code></dd></div>`;
  return (
    `<div class="pay"><div class="pay-main"><dl class="fields">` +
    `<div class="field"><dt>${t.html('pay.amount')}</dt><dd><span class="value amount" dir="ltr"><code>${esc(amountText)}</code> ${esc(quote.symbol)}</span>${renderCopyButton(t, amountText, 'pay.copyAmount')}</dd></div>` +
    `<div class="field"><dt>${t.html('pay.network')}</dt><dd><bdi>${esc(networkName)}</bdi></dd></div>` +
    `<div class="field"><dt>${t.html('pay.address')}</dt><dd><code class="value address" dir="ltr">${esc(address)}</code>${renderCopyButton(t, address, 'pay.copyAddress')}</dd></div>` +
    `${contract}</dl>${wallet}</div>${qr}</div>` +
    `<div class="warning" role="note"><p><strong>${t.html('pay.warning', { coin: quote.symbol, network: networkName })}</strong> ${t.html('pay.warningDetail')}</p><p>${t.html('pay.exactHint')}</p></div>`
  );
}

function renderCopyButton(t: Translate, value: string, labelKey: string): string {
  return `<button type="button" class="copy" data-copy="${esc(value)}" data-copied="${esc(t('pay.copied'))}" aria-label="${esc(t(labelKey))}" hidden>${t.html('pay.copy')}</button>`;
}
