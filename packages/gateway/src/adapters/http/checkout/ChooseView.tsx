import type { CheckoutCoinOption } from '../../../app/getCheckoutState.ts';
import { formatAmount } from '../../../core/money/formatAmount.ts';
import type { Quote } from '../../../core/Quote.ts';
import { buildPageHref } from './buildPageHref.ts';
import type { Translate } from './createTranslator.ts';
import { describeNetwork } from './describeNetwork.ts';
import type { StateViewContext } from './StateView.ts';

/** The coin list, grouped by coin then network, each a submit button of one plain form. */
export function ChooseView(p: StateViewContext) {
  const { t, state } = p;
  const current = state.summary.newestQuote;
  const groups = groupByCoin(state.coinOptions);
  const error = p.error ?? (state.isQuoteUnpriced ? 'rate_unavailable' : null);
  return (
    <section class="card" aria-labelledby="view-heading">
      <h2 id="view-heading">{t.node('choose.heading')}</h2>
      <p class="lead">{t.node('choose.intro')}</p>
      {error === null ? null : (
        <p class="alert" role="alert">
          {t.node(`error.${error}`)}
        </p>
      )}
      {groups.length === 0 ? (
        <p class="note">{t.node('choose.noCoins')}</p>
      ) : (
        <form class="coins" method="post" action={buildPageHref(`${p.pagePath}/select`, p.locale)}>
          {groups.map((group) => (
            <fieldset key={group.symbol} class="coin-group">
              <legend>
                <span class="coin-symbol">{group.symbol}</span> <span class="coin-name">{group.name}</span>
              </legend>
              {group.options.map((option) => (
                <CoinButton key={option.token.tokenId} option={option} current={current} t={t} />
              ))}
            </fieldset>
          ))}
        </form>
      )}
      {current === null ? null : (
        <p class="actions">
          <a class="button secondary" href={buildPageHref(p.pagePath, p.locale)}>
            {t.node('choose.back')}
          </a>
        </p>
      )}
    </section>
  );
}

function CoinButton({ option, current, t }: { option: CheckoutCoinOption; current: Quote | null; t: Translate }) {
  const isCurrent = current !== null && current.tokenId === option.token.tokenId;
  return (
    <button class="coin" type="submit" name="token_id" value={option.token.tokenId} disabled={option.amount === null}>
      <span class="coin-network">
        <bdi>{describeNetwork(option.network, option.token)}</bdi>
        {isCurrent ? <span class="tag">{t.node('choose.current')}</span> : null}
      </span>
      {option.amount === null ? (
        <span class="coin-amount muted">{t.node('choose.unavailable')}</span>
      ) : (
        <span class="coin-amount" dir="ltr">
          {`${formatAmount(option.amount, option.token.decimals)} ${option.token.symbol}`}
        </span>
      )}
    </button>
  );
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
