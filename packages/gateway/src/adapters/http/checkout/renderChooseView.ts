import type { CheckoutCoinOption } from '../../../app/getCheckoutState.ts';
import { formatAmount } from '../../../core/money/formatAmount.ts';
import type { Quote } from '../../../core/Quote.ts';
import { buildPageHref } from './buildPageHref.ts';
import type { Translate } from './createTranslator.ts';
import { describeNetwork } from './describeNetwork.ts';
import { escapeHtml as esc } from './escapeHtml.ts';
import type { StateViewContext, ViewPart } from './StateView.ts';

/** The coin list, grouped by coin then network, each a submit button of one plain form. */
export function renderChooseView(p: StateViewContext): ViewPart {
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
