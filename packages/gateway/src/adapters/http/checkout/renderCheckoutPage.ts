import type { CheckoutState } from '../../../app/getCheckoutState.ts';
import { buildPageHref } from './buildPageHref.ts';
import type { Translate } from './createTranslator.ts';
import { escapeHtml as esc } from './escapeHtml.ts';
import { isRightToLeft } from './isRightToLeft.ts';
import type { CheckoutCatalog } from './loadCheckoutCatalogs.ts';
import { CHECKOUT_LOCALES, type CheckoutLocale } from './pickLocale.ts';
import { RETURN_COUNTDOWN_SECONDS } from './renderReturnLink.ts';
import type { StateView } from './StateView.ts';

/** Where the page's stylesheet and script are served (content-hashed, cached for a year). */
export type CheckoutAssetHrefs = { readonly css: string; readonly js: string };

export type RenderCheckoutPageParameters = {
  readonly state: CheckoutState;
  readonly view: StateView;
  readonly t: Translate;
  readonly locale: CheckoutLocale;
  readonly catalogs: ReadonlyMap<CheckoutLocale, CheckoutCatalog>;
  /** `/pay/<token>` */
  readonly pagePath: string;
  readonly isChoosing: boolean;
  /** Extra query the live-update URLs carry so they render the same view (`choose=1&error=…`). */
  readonly liveQuery: string | undefined;
  readonly assets: CheckoutAssetHrefs;
  /** Sandbox only (`kassa dev`): the sandbox wallet's HTML, shown under the order. */
  readonly devPanel?: string;
};

/** Seconds between reloads when JavaScript is off and the order can still change. */
const NO_SCRIPT_REFRESH_SECONDS = 15;

/** The whole checkout document: head, order summary, the state view and the language switcher. */
export function renderCheckoutPage(p: RenderCheckoutPageParameters): string {
  const { state, view, t, locale } = p;
  const { order } = state;
  const quote = state.summary.newestQuote;
  const price =
    order.priceUsdCents === null
      ? `${order.productPrice} ${quote?.symbol ?? ''}`.trim()
      : `${formatUsd(order.priceUsdCents)} USD`;
  const query = p.liveQuery;
  const details = [
    { label: t('order.reference'), value: order.merchantOrderId },
    { label: t('order.note'), value: order.customValue ?? '' },
  ]
    .filter((row) => row.value !== '')
    .map((row) => `<div><dt>${esc(row.label)}</dt><dd><bdi>${esc(row.value)}</bdi></dd></div>`)
    .join('');
  return (
    `<!doctype html><html lang="${locale}" dir="${isRightToLeft(locale) ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex,nofollow">' +
    `<title>${esc(t('page.title', { product: order.productName }))}</title><link rel="icon" href="data:,">` +
    `<link rel="stylesheet" href="${esc(p.assets.css)}"><script src="${esc(p.assets.js)}" defer></script>${renderNoScriptRefresh(view)}</head>` +
    '<body><div class="page">' +
    `<header class="top">${renderLanguageSwitcher(p)}</header>` +
    `<main id="main" data-events="${esc(buildPageHref(`${p.pagePath}/events`, locale, query))}" data-poll="${esc(buildPageHref(`${p.pagePath}/status.json`, locale, query))}" data-version="${view.version}">` +
    `<section class="order" aria-label="${esc(t('order.label'))}"><p class="eyebrow">${t.html('order.payingFor')}</p>` +
    `<h1 class="product"><bdi>${esc(order.productName)}</bdi></h1>` +
    `<p class="price"><span class="visually-hidden">${t.html('order.price')}: </span><span dir="ltr">${esc(price)}</span></p>` +
    `<p class="timer" id="timer" data-remaining-ms="${view.remainingMs}"${view.showTimer ? '' : ' hidden'}>${t.html('order.timeLeft')} <time id="countdown" dir="ltr">${formatRemaining(view.remainingMs)}</time></p>` +
    (details === ''
      ? ''
      : `<details class="details"><summary>${t.html('order.details')}</summary><dl>${details}</dl></details>`) +
    '</section>' +
    `<div id="view" data-view="${view.kind}">${view.html}</div>` +
    `<p id="live" class="visually-hidden" role="status"></p>` +
    `${p.devPanel ?? ''}</main><footer class="foot"><p>${t.html('page.footer')}</p></footer></div></body></html>`
  );
}

function renderNoScriptRefresh(view: StateView): string {
  if (view.redirectUrl !== null) {
    return `<noscript><meta http-equiv="refresh" content="${RETURN_COUNTDOWN_SECONDS};url=${esc(view.redirectUrl)}"></noscript>`;
  }
  const isSettled =
    view.kind === 'paid' || view.kind === 'overpaid' || view.kind === 'expired' || view.kind === 'choose';
  return isSettled ? '' : `<noscript><meta http-equiv="refresh" content="${NO_SCRIPT_REFRESH_SECONDS}"></noscript>`;
}

function renderLanguageSwitcher(p: RenderCheckoutPageParameters): string {
  const nameOf = (locale: CheckoutLocale) => p.catalogs.get(locale)?.['language.name'] ?? locale;
  const links = CHECKOUT_LOCALES.map((locale) => {
    const current = locale === p.locale ? ' aria-current="true"' : '';
    return `<li><a href="${esc(buildPageHref(p.pagePath, locale, p.isChoosing ? 'choose=1' : undefined))}" hreflang="${locale}" lang="${locale}"${current}>${esc(nameOf(locale))}</a></li>`;
  }).join('');
  return `<details class="lang"><summary><span class="visually-hidden">${esc(p.t('language.label'))}: </span>${esc(nameOf(p.locale))}</summary><ul>${links}</ul></details>`;
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
