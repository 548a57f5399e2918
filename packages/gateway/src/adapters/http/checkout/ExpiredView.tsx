import { Badge } from './Badge.tsx';
import { ReturnLink } from './ReturnLink.tsx';
import type { StateViewContext } from './StateView.ts';

/** Time is up and nothing arrived: no address any more, only the way back. */
export function ExpiredView({ t, state }: StateViewContext) {
  return (
    <section class="card" aria-labelledby="view-heading">
      <Badge text={t('status.Expired')} tone="off" />
      <h2 id="view-heading">{t.node('expired.heading')}</h2>
      <p class="lead">{t.node('expired.body')}</p>
      <ReturnLink t={t} returnUrl={state.order.returnUrl} withCountdown={false} />
    </section>
  );
}
