import type { DeliveryAttempt, DeliveryState } from '../../../../core/Delivery.ts';
import type { ConsoleDeliveryWithAttempts } from '../../../../core/ports/ConsoleQueries.ts';
import type { ConsoleSession } from '../auth/ConsoleSession.ts';
import { CsrfField } from '../layout/CsrfField.tsx';
import { formatConsoleTime } from '../layout/formatConsoleTime.ts';
import { AnswerExcerpt } from './AnswerExcerpt.tsx';

const STATE_TONES: Readonly<Record<DeliveryState, string>> = { delivered: 'ok', pending: 'info', failed: 'bad' };

/** A delivery's state as a badge. */
export function DeliveryStateBadge({ state }: { readonly state: DeliveryState }) {
  return <span class={`badge ${STATE_TONES[state]}`}>{state}</span>;
}

/**
 * One webhook of an order: its event, URL and state, every attempt (time, HTTP status, what the
 * merchant's server answered, how long it took, the error) and the resend button. The answer is
 * the merchant's text and is shown as text.
 */
export function WebhookEntry({
  webhook,
  session,
  resendAction,
}: {
  readonly webhook: ConsoleDeliveryWithAttempts;
  readonly session: ConsoleSession;
  readonly resendAction: string;
}) {
  const { delivery, attempts } = webhook;
  return (
    <div id={`webhook-${delivery.deliveryId}`}>
      <strong>{`Webhook “${delivery.event}”`}</strong> <DeliveryStateBadge state={delivery.state} />
      <div class="muted">
        {'to '}
        <code>{delivery.url}</code>
        {` · ${attempts.length} attempt${attempts.length === 1 ? '' : 's'}`}
        {delivery.state === 'pending' ? ` · next at ${formatConsoleTime(delivery.nextAttemptAtMs)}` : ''}
      </div>
      {attempts.length === 0 ? null : <AttemptList attempts={attempts} />}
      <form method="post" action={resendAction} class="actions">
        <CsrfField session={session} />
        <button type="submit" class="secondary">
          Resend
        </button>
      </form>
    </div>
  );
}

/** The attempts as a list (not a table): an answer reads whole on a phone, under its time and status. */
function AttemptList({ attempts }: { readonly attempts: readonly DeliveryAttempt[] }) {
  return (
    <ol class="attempts">
      {attempts.map((attempt, i) => (
        <li key={`${attempt.startedAtMs}-${i}`} class="attempt">
          <span class="nowrap">{formatConsoleTime(attempt.startedAtMs)}</span> {attemptOutcome(attempt)}{' '}
          <span class="muted nowrap">{`${attempt.latencyMs} ms`}</span>
          {attempt.error === null ? null : <div class="error-text">{attempt.error}</div>}
          {attempt.responseExcerpt === '' ? null : <AnswerExcerpt text={attempt.responseExcerpt} />}
        </li>
      ))}
    </ol>
  );
}

function attemptOutcome(attempt: DeliveryAttempt) {
  if (attempt.state === 'sending') return <span class="badge info">sending</span>;
  if (attempt.state === 'interrupted') return <span class="badge warn">interrupted</span>;
  const tone = attempt.delivered ? 'ok' : 'bad';
  return <span class={`badge ${tone}`}>{attempt.statusCode === null ? 'no answer' : String(attempt.statusCode)}</span>;
}
