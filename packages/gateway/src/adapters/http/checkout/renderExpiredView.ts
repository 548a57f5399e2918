import { renderBadge } from './renderBadge.ts';
import { renderReturnLink } from './renderReturnLink.ts';
import type { StateViewContext, ViewPart } from './StateView.ts';

/** Time is up and nothing arrived: no address any more, only the way back. */
export function renderExpiredView(p: StateViewContext): ViewPart {
  const { t, state } = p;
  const back = renderReturnLink({ t, returnUrl: state.order.returnUrl, withCountdown: false });
  return {
    html: `<section class="card" aria-labelledby="view-heading">${renderBadge(t('status.Expired'), 'off')}<h2 id="view-heading">${t.html('expired.heading')}</h2><p class="lead">${t.html('expired.body')}</p>${back}</section>`,
    announce: t('live.expired'),
  };
}
