import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import { formatAmount } from '../../../core/money/formatAmount.ts';
import type { Network } from '../../../core/network.ts';
import type { Quote } from '../../../core/Quote.ts';
import type { Translate } from './createTranslator.ts';
import { describeNetwork } from './describeNetwork.ts';
import { ExplorerLink } from './ExplorerLink.tsx';
import { isSimulatedNetwork } from './isSimulatedNetwork.ts';
import { QrSvg } from './QrSvg.tsx';

export type PayBoxProps = {
  readonly t: Translate;
  readonly state: CheckoutState;
  readonly quote: Quote;
  /** What to send now: the quote's amount, or the rest of it. */
  readonly amount: bigint;
};

/** What the parts of the box share: the quote as this page writes it. */
type PayDetails = {
  readonly t: Translate;
  readonly network: Network | null;
  readonly quote: Quote;
  readonly amount: bigint;
  readonly amountText: string;
  readonly networkName: string;
  /** The network's way of writing an address (TRON's T…); as held without the network. */
  readonly format: (address: string) => string;
};

/** Amount, network, address, QR and the which-token-on-which-network warning. */
export function PayBox({ t, state, quote, amount }: PayBoxProps) {
  const network = state.network;
  const token = network?.tokens.find((x) => x.tokenId === quote.tokenId);
  const details: PayDetails = {
    t,
    network,
    quote,
    amount,
    amountText: formatAmount(amount, quote.decimals),
    networkName: network === null ? quote.networkKey : describeNetwork(network, token),
    // Without its network (removed from the config) the page cannot write the address in its form.
    format: network?.kind.formatAddress ?? ((a: string) => a),
  };
  return (
    <>
      <div class="pay">
        <div class="pay-main">
          <PayFields {...details} />
          {/* Only a payment URI opens a wallet app; an address-only code (TRON) is no link, just text to scan. */}
          {network === null || !network.kind.paymentUriHasAmount ? null : (
            <p class="wallet">
              <a class="button" href={buildUri(network, quote, amount)}>
                {t.node('pay.openWallet')}
              </a>
            </p>
          )}
        </div>
        {network === null ? null : <QrFigure {...details} network={network} />}
      </div>
      <div class="warning" role="note">
        {network !== null && isSimulatedNetwork(network) ? <p class="simulated">{t.node('pay.simulated')}</p> : null}
        <p>
          <strong>{t.node('pay.warning', { coin: quote.symbol, network: details.networkName })}</strong>{' '}
          {t.node('pay.warningDetail')}
        </p>
        <p>{t.node('pay.exactHint')}</p>
      </div>
    </>
  );
}

function PayFields({ t, network, quote, amountText, networkName, format }: PayDetails) {
  const address = format(quote.address);
  return (
    <dl class="fields">
      <div class="field">
        <dt>{t.node('pay.amount')}</dt>
        <dd>
          <span class="value amount" dir="ltr">
            <code>{amountText}</code> {quote.symbol}
          </span>
          <CopyButton t={t} value={amountText} labelKey="pay.copyAmount" />
        </dd>
      </div>
      <div class="field">
        <dt>{t.node('pay.network')}</dt>
        <dd>
          <bdi>{networkName}</bdi>
        </dd>
      </div>
      <div class="field">
        <dt>{t.node('pay.address')}</dt>
        <dd>
          <code class="value address" dir="ltr">
            {address}
          </code>
          <CopyButton t={t} value={address} labelKey="pay.copyAddress" />
          {network?.explorerUrl === undefined ? null : (
            <ExplorerLink t={t} network={network} target={{ address: quote.address }}>
              {t.node('pay.viewOnExplorer')}
            </ExplorerLink>
          )}
        </dd>
      </div>
      {quote.contract === null ? null : (
        <div class="field">
          <dt>{t.node('pay.contract')}</dt>
          <dd>
            <code class="value small" dir="ltr">
              {format(quote.contract)}
            </code>
          </dd>
        </div>
      )}
    </dl>
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
function QrFigure(p: PayDetails & { readonly network: Network }) {
  const { t, network, quote } = p;
  const hasAmount = network.kind.paymentUriHasAmount;
  const label = hasAmount
    ? t('pay.qrLabel', { amount: p.amountText, coin: quote.symbol, network: p.networkName })
    : t('pay.qrLabelAddress', { network: p.networkName });
  return (
    <figure class="qr">
      <QrSvg text={buildUri(network, quote, p.amount)} label={label} />
      <figcaption>{t.node(hasAmount ? 'pay.qrHint' : 'pay.qrHintAddressOnly')}</figcaption>
    </figure>
  );
}

function CopyButton({ t, value, labelKey }: { t: Translate; value: string; labelKey: string }) {
  return (
    <button type="button" class="copy" data-copy={value} data-copied={t('pay.copied')} aria-label={t(labelKey)} hidden>
      {t.node('pay.copy')}
    </button>
  );
}
