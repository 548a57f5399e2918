import { buildPageHref } from './buildPageHref.ts';
import { escapeHtml as esc } from './escapeHtml.ts';
import { renderBadge } from './renderBadge.ts';
import { renderPayBox } from './renderPayBox.ts';
import { requireQuote } from './requireQuote.ts';
import type { StateViewContext, ViewPart } from './StateView.ts';

/** A coin is chosen and nothing arrived yet: what to send where, and a way to change coin. */
export function renderAwaitingView(p: StateViewContext): ViewPart {
  const { t, state } = p;
  const quote = requireQuote(state);
  const change = state.canChangeCoin
    ? `<p class="actions"><a class="button secondary" href="${esc(buildPageHref(p.pagePath, p.locale, 'choose=1'))}">${t.html('pay.changeCoin')}</a></p>`
    : '';
  return {
    html: `<section class="card" aria-labelledby="view-heading">${renderBadge(t('status.Pending'), 'wait')}<h2 id="view-heading">${t.html('pay.heading')}</h2>${renderPayBox(t, state, quote, quote.amount)}<p class="waiting"><span class="spinner" aria-hidden="true"></span>${t.html('pay.waiting')}</p>${change}</section>`,
    announce: t('live.awaiting'),
  };
}
