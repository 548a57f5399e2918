import { Badge } from './Badge.tsx';
import { buildPageHref } from './buildPageHref.ts';
import { PayBox } from './PayBox.tsx';
import { requireQuote } from './requireQuote.ts';
import type { StateViewContext } from './StateView.ts';

/** A coin is chosen and nothing arrived yet: what to send where, and a way to change coin. */
export function AwaitingView(p: StateViewContext) {
  const { t, state } = p;
  const quote = requireQuote(state);
  return (
    <section class="card" aria-labelledby="view-heading">
      <Badge text={t('status.Pending')} tone="wait" />
      <h2 id="view-heading">{t.node('pay.heading')}</h2>
      <PayBox t={t} state={state} quote={quote} amount={quote.amount} />
      <p class="waiting">
        <span class="spinner" aria-hidden="true" />
        {t.node('pay.waiting')}
      </p>
      {state.canChangeCoin ? (
        <p class="actions">
          <a class="button secondary" href={buildPageHref(p.pagePath, p.locale, 'choose=1')}>
            {t.node('pay.changeCoin')}
          </a>
        </p>
      ) : null}
    </section>
  );
}
