import { createHash } from 'node:crypto';
import { getAddress } from 'viem';
import type { CheckoutCoinOption, CheckoutState } from '../../../app/getCheckoutState.ts';
import { formatAmount } from '../../../core/money/formatAmount.ts';
import type { Network, Token } from '../../../core/network.ts';
import type { Quote } from '../../../core/Quote.ts';
import { buildPageHref } from './buildPageHref.ts';
import { buildPaymentUri } from './buildPaymentUri.ts';
import type { Translate } from './createTranslator.ts';
import { escapeHtml as esc } from './escapeHtml.ts';
import type { CheckoutLocale } from './pickLocale.ts';
import { renderQrSvg } from './renderQrSvg.ts';

/** Why choosing a coin failed, as the page explains it (`?error=`). */
export const CHECKOUT_ERRORS = [
  'rate_unavailable',
  'unsupported_token',
  'coin_fixed',
  'too_many_changes',
  'failed',
] as const;
export type CheckoutErrorCode = (typeof CHECKOUT_ERRORS)[number];

/** Which screen the buyer sees: one per row of spec §6, plus choosing and confirming. */
export type CheckoutViewKind = 'choose' | 'awaiting' | 'detected' | 'underpaid' | 'paid' | 'overpaid' | 'expired';

export type RenderStateViewParameters = {
  readonly state: CheckoutState;
  readonly t: Translate;
  readonly locale: CheckoutLocale;
  /** This order's page path, `/pay/<token>`. */
  readonly pagePath: string;
  /** The buyer asked to pick another coin (`?choose=1`); honoured only while the coin can change. */
  readonly isChoosing: boolean;
  readonly error: CheckoutErrorCode | null;
};

/** The part of the page that changes with the order's state, and what the live script needs. */
export type StateView = {
  readonly kind: CheckoutViewKind;
  readonly html: string;
  /** One sentence for the screen reader live region when the view changes. */
  readonly announce: string;
  readonly showTimer: boolean;
  readonly remainingMs: number;
  /** Changes exactly when `html` does: live updates skip identical views. */
  readonly version: string;
  /** Where a paid page sends the buyer after the countdown, if the merchant gave a URL. */
  readonly redirectUrl: string | null;
};

/** Seconds a paid page waits before returning the buyer to the merchant. */
export const RETURN_COUNTDOWN_SECONDS = 10;

const NETWORK_NAMES: Readonly<Record<string, string>> = {
  ETH: 'Ethereum',
  BSC: 'BNB Smart Chain',
  POLYGON: 'Polygon',
  ARBITRUM: 'Arbitrum One',
  BASE: 'Base',
  OPTIMISM: 'OP Mainnet',
  DEV: 'Kassa Devnet',
};

/** Renders the state-dependent part of the checkout page (`#view`) for one order and language. */
export function renderStateView(p: RenderStateViewParameters): StateView {
  const { state } = p;
  const kind = selectViewKind(state, p.isChoosing);
  const { html, announce } = renderKind(kind, p);
  const remainingMs = Math.max(state.order.expiresAtMs - state.nowMs, 0);
  const showTimer = state.isOpen && (kind === 'choose' || kind === 'awaiting' || kind === 'underpaid');
  const redirectUrl =
    (kind === 'paid' || kind === 'overpaid') && state.order.returnUrl !== null ? state.order.returnUrl : null;
  const version = createHash('sha256').update(html).digest('base64url').slice(0, 16);
  return { kind, html, announce, showTimer, remainingMs, version, redirectUrl };
}

function selectViewKind(state: CheckoutState, isChoosing: boolean): CheckoutViewKind {
  const { summary } = state;
  if (state.pendingPayments.length > 0 && (summary.funds === 'none' || summary.funds === 'part')) return 'detected';
  switch (summary.status) {
    case 'Pending':
      return summary.newestQuote === null || state.isQuoteUnpriced || (isChoosing && state.canChangeCoin)
        ? 'choose'
        : 'awaiting';
    case 'Expired':
      return 'expired';
    case 'Underpayment':
    case 'Underpayment (Overdue)':
      return 'underpaid';
    case 'Successful':
    case 'Paid (Overdue)':
      return 'paid';
    case 'Overpayment':
    case 'Overpayment (Overdue)':
      return 'overpaid';
    default:
      return assertNever(summary.status);
  }
}

function renderKind(kind: CheckoutViewKind, p: RenderStateViewParameters): { html: string; announce: string } {
  switch (kind) {
    case 'choose':
      return renderChoose(p);
    case 'awaiting':
      return renderAwaiting(p);
    case 'detected':
      return renderDetected(p);
    case 'underpaid':
      return renderUnderpaid(p);
    case 'paid':
    case 'overpaid':
      return renderPaid(p, kind);
    case 'expired':
      return renderExpired(p);
    default:
      return assertNever(kind);
  }
}

function renderChoose(p: RenderStateViewParameters): { html: string; announce: string } {
  const { t, state } = p;
  const current = state.summary.newestQuote;
  const groups = groupByCoin(state.coinOptions);
  const error = p.error ?? (state.isQuoteUnpriced ? 'rate_unavailable' : null);
  const alert = error === null ? '' : `<p class="alert" role="alert">${t.html(`error.${error}`)}</p>`;
  const list =
    groups.length === 0
      ? `<p class="note">${t.html('choose.noCoins')}</p>`
      : `<form class="coins" method="post" action="${esc(buildPageHref(`${p.pagePath}/select`, p.locale))}">${groups
          .map(
            (group) =>
              `<fieldset class="coin-group"><legend><span class="coin-symbol">${esc(group.symbol)}</span> <span class="coin-name">${esc(group.name)}</span></legend>${group.options
                .map((option) => renderCoinButton(option, current, t))
                .join('')}</fieldset>`,
          )
          .join('')}</form>`;
  const back =
    current === null
      ? ''
      : `<p class="actions"><a class="button secondary" href="${esc(buildPageHref(p.pagePath, p.locale))}">${t.html('choose.back')}</a></p>`;
  return {
    html: `<section class="card" aria-labelledby="view-heading"><h2 id="view-heading">${t.html('choose.heading')}</h2><p class="lead">${t.html('choose.intro')}</p>${alert}${list}${back}</section>`,
    announce: t('live.choose'),
  };
}

function renderCoinButton(option: CheckoutCoinOption, current: Quote | null, t: Translate): string {
  const isCurrent = current !== null && current.tokenId === option.token.tokenId;
  const amount =
    option.amount === null
      ? `<span class="coin-amount muted">${t.html('choose.unavailable')}</span>`
      : `<span class="coin-amount" dir="ltr">${esc(formatAmount(option.amount, option.token.decimals))} ${esc(option.token.symbol)}</span>`;
  const tag = isCurrent ? `<span class="tag">${t.html('choose.current')}</span>` : '';
  return `<button class="coin" type="submit" name="token_id" value="${esc(option.token.tokenId)}"${option.amount === null ? ' disabled' : ''}><span class="coin-network"><bdi>${esc(describeNetwork(option.network, option.token))}</bdi>${tag}</span>${amount}</button>`;
}

function renderAwaiting(p: RenderStateViewParameters): { html: string; announce: string } {
  const { t, state } = p;
  const quote = requireQuote(state);
  const change = state.canChangeCoin
    ? `<p class="actions"><a class="button secondary" href="${esc(buildPageHref(p.pagePath, p.locale, 'choose=1'))}">${t.html('pay.changeCoin')}</a></p>`
    : '';
  return {
    html: `<section class="card" aria-labelledby="view-heading">${badge(t('status.Pending'), 'wait')}<h2 id="view-heading">${t.html('pay.heading')}</h2>${renderPayBox(p, quote, quote.amount)}<p class="waiting"><span class="spinner" aria-hidden="true"></span>${t.html('pay.waiting')}</p>${change}</section>`,
    announce: t('live.awaiting'),
  };
}

function renderDetected(p: RenderStateViewParameters): { html: string; announce: string } {
  const { t, state } = p;
  const quote = state.summary.newestQuote;
  const rows = state.pendingPayments
    .map((payment, i) => {
      const id = `confirmations-${i + 1}`;
      const values = { count: String(payment.confirmations), required: String(payment.requiredConfirmations) };
      return `<div class="confirm"><p>${t.html('detected.body', { amount: formatAmount(payment.amount, payment.decimals), coin: payment.symbol })}</p><p class="confirm-count" id="${id}">${t.html('detected.confirmations', values)}</p><progress aria-labelledby="${id}" max="${payment.requiredConfirmations}" value="${payment.confirmations}"></progress></div>`;
    })
    .join('');
  const sums = quote !== null && state.summary.funds === 'part' ? renderSums(p, quote) : '';
  const first = state.pendingPayments[0];
  return {
    html: `<section class="card" aria-labelledby="view-heading">${badge(t('status.detected'), 'progress')}<h2 id="view-heading">${t.html('detected.heading')}</h2>${rows}${sums}<p class="note">${t.html('detected.keepOpen')}</p></section>`,
    announce: t('live.detected', {
      count: String(first?.confirmations ?? 0),
      required: String(first?.requiredConfirmations ?? 0),
    }),
  };
}

function renderUnderpaid(p: RenderStateViewParameters): { html: string; announce: string } {
  const { t, state } = p;
  const quote = requireQuote(state);
  const status = state.summary.status;
  const remaining = state.summary.remainingAmount;
  const head = `${badge(t(`status.${status}`), 'warn')}<h2 id="view-heading">${t.html('underpaid.heading')}</h2>${renderSums(p, quote)}`;
  if (state.isOpen && !state.summary.isOverdue) {
    const amount = formatAmount(remaining, quote.decimals);
    return {
      html: `<section class="card" aria-labelledby="view-heading">${head}<p class="lead">${t.html('underpaid.body', { amount, coin: quote.symbol })}</p>${renderPayBox(p, quote, remaining)}</section>`,
      announce: t('live.underpaid', { amount, coin: quote.symbol }),
    };
  }
  return {
    html: `<section class="card" aria-labelledby="view-heading">${head}<p class="note">${t.html('underpaid.closed')}</p>${renderReturnLink(p, false)}</section>`,
    announce: t('live.underpaidClosed'),
  };
}

function renderPaid(p: RenderStateViewParameters, kind: 'paid' | 'overpaid'): { html: string; announce: string } {
  const { t, state } = p;
  const quote = requireQuote(state);
  const paid = formatAmount(state.summary.paidAmount, quote.decimals);
  const body =
    kind === 'paid'
      ? t.html('paid.body', { amount: paid, coin: quote.symbol })
      : t.html('overpaid.body', { amount: paid, coin: quote.symbol, due: formatAmount(quote.amount, quote.decimals) });
  const overdue = state.summary.isOverdue ? `<p class="note">${t.html('overdue.note')}</p>` : '';
  return {
    html: `<section class="card done" aria-labelledby="view-heading">${badge(t(`status.${state.summary.status}`), 'ok')}<svg class="done-mark" viewBox="0 0 24 24" aria-hidden="true"><path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/></svg><h2 id="view-heading">${t.html(`${kind}.heading`)}</h2><p class="lead">${body}</p>${overdue}${renderReturnLink(p, true)}</section>`,
    announce: t(kind === 'paid' ? 'live.paid' : 'live.overpaid'),
  };
}

function renderExpired(p: RenderStateViewParameters): { html: string; announce: string } {
  const { t } = p;
  return {
    html: `<section class="card" aria-labelledby="view-heading">${badge(t('status.Expired'), 'off')}<h2 id="view-heading">${t.html('expired.heading')}</h2><p class="lead">${t.html('expired.body')}</p>${renderReturnLink(p, false)}</section>`,
    announce: t('live.expired'),
  };
}

/** Amount, network, address, QR and the which-token-on-which-network warning. */
function renderPayBox(p: RenderStateViewParameters, quote: Quote, amount: bigint): string {
  const { t, state } = p;
  const network = state.network;
  const token = network?.tokens.find((x) => x.tokenId === quote.tokenId);
  const networkName = network === null ? quote.networkKey : describeNetwork(network, token);
  const amountText = formatAmount(amount, quote.decimals);
  const address = getAddress(quote.address);
  const uri =
    network === null
      ? null
      : buildPaymentUri({ chainId: network.chainId, to: address, contract: quote.contract, amount });
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
      : `<div class="field"><dt>${t.html('pay.contract')}</dt><dd><code class="value small" dir="ltr">${esc(getAddress(quote.contract))}</code></dd></div>`;
  return (
    `<div class="pay"><div class="pay-main"><dl class="fields">` +
    `<div class="field"><dt>${t.html('pay.amount')}</dt><dd><span class="value amount" dir="ltr"><code>${esc(amountText)}</code> ${esc(quote.symbol)}</span>${copyButton(t, amountText, 'pay.copyAmount')}</dd></div>` +
    `<div class="field"><dt>${t.html('pay.network')}</dt><dd><bdi>${esc(networkName)}</bdi></dd></div>` +
    `<div class="field"><dt>${t.html('pay.address')}</dt><dd><code class="value address" dir="ltr">${esc(address)}</code>${copyButton(t, address, 'pay.copyAddress')}</dd></div>` +
    `${contract}</dl>${wallet}</div>${qr}</div>` +
    `<div class="warning" role="note"><p><strong>${t.html('pay.warning', { coin: quote.symbol, network: networkName })}</strong> ${t.html('pay.warningDetail')}</p><p>${t.html('pay.exactHint')}</p></div>`
  );
}

function renderSums(p: RenderStateViewParameters, quote: Quote): string {
  const { t, state } = p;
  const row = (label: string, amount: bigint, cls = '') =>
    `<div class="sum${cls}"><dt>${esc(label)}</dt><dd dir="ltr">${esc(formatAmount(amount, quote.decimals))} ${esc(quote.symbol)}</dd></div>`;
  return `<dl class="sums">${row(t('sums.due'), quote.amount)}${row(t('sums.received'), state.summary.paidAmount)}${row(t('sums.remaining'), state.summary.remainingAmount, ' strong')}</dl>`;
}

function renderReturnLink(p: RenderStateViewParameters, withCountdown: boolean): string {
  const url = p.state.order.returnUrl;
  if (url === null) return '';
  const countdown = withCountdown
    ? `<p class="redirect" data-redirect="${esc(url)}" data-seconds="${RETURN_COUNTDOWN_SECONDS}" data-template="${esc(p.t('return.countdown'))}" hidden></p>`
    : '';
  const stay = withCountdown
    ? `<button type="button" class="button secondary" data-stay hidden>${esc(p.t('return.stay'))}</button>`
    : '';
  return `${countdown}<p class="actions"><a class="button" href="${esc(url)}" rel="noreferrer">${esc(p.t('return.link'))}</a>${stay}</p>`;
}

function copyButton(t: Translate, value: string, labelKey: string): string {
  return `<button type="button" class="copy" data-copy="${esc(value)}" data-copied="${esc(t('pay.copied'))}" aria-label="${esc(t(labelKey))}" hidden>${t.html('pay.copy')}</button>`;
}

function badge(text: string, tone: 'wait' | 'progress' | 'warn' | 'ok' | 'off'): string {
  return `<p class="badge ${tone}">${esc(text)}</p>`;
}

/** `Ethereum (ERC20)` for a token, just `Ethereum` for the chain's own coin. */
function describeNetwork(network: Network, token: Token | undefined): string {
  const name = NETWORK_NAMES[network.key] ?? network.key;
  return token === undefined || token.contract === null ? name : `${name} (${network.standard})`;
}

function groupByCoin(options: readonly CheckoutCoinOption[]) {
  const groups = new Map<string, { symbol: string; name: string; options: CheckoutCoinOption[] }>();
  for (const option of options) {
    const symbol = option.token.symbol.toUpperCase();
    const group = groups.get(symbol);
    if (group === undefined)
      groups.set(symbol, { symbol: option.token.symbol, name: option.token.name, options: [option] });
    else group.options.push(option);
  }
  return [...groups.values()];
}

function requireQuote(state: CheckoutState): Quote {
  const quote = state.summary.newestQuote;
  if (quote === null) throw new Error('this view needs a quote');
  return quote;
}

function assertNever(value: never): never {
  throw new Error(`unhandled checkout view: ${String(value)}`);
}
