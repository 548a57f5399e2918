import type { DeliveryAttempt, DeliveryState } from '../../../../core/Delivery.ts';
import type { ConsoleDeliveryWithAttempts } from '../../../../core/ports/ConsoleQueries.ts';
import type { ConsoleSession } from '../auth/ConsoleSession.ts';
import { CsrfField } from '../layout/CsrfField.tsx';
import { formatConsoleTime } from '../layout/formatConsoleTime.ts';

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
      {attempts.length === 0 ? null : <AttemptTable attempts={attempts} />}
      <form method="post" action={resendAction} class="actions">
        <CsrfField session={session} />
        <button type="submit" class="secondary">
          Resend
        </button>
      </form>
    </div>
  );
}

function AttemptTable({ attempts }: { readonly attempts: readonly DeliveryAttempt[] }) {
  return (
    <div class="table-wrap attempts">
      <table>
        <thead>
          <tr>
            <th scope="col">Attempt</th>
            <th scope="col">HTTP</th>
            <th scope="col" class="num">
              Took
            </th>
            <th scope="col">Answer</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((attempt, i) => (
            <tr key={`${attempt.startedAtMs}-${i}`} class="attempt">
              <td class="nowrap">{formatConsoleTime(attempt.startedAtMs)}</td>
              <td>{attemptOutcome(attempt)}</td>
              <td class="num nowrap">{`${attempt.latencyMs} ms`}</td>
              <td>
                {attempt.error === null ? null : <div class="error-text">{attempt.error}</div>}
                {attempt.responseExcerpt === '' ? null : <pre class="excerpt">{attempt.responseExcerpt}</pre>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function attemptOutcome(attempt: DeliveryAttempt) {
  if (attempt.state === 'sending') return <span class="badge info">sending</span>;
  if (attempt.state === 'interrupted') return <span class="badge warn">interrupted</span>;
  const tone = attempt.delivered ? 'ok' : 'bad';
  return <span class={`badge ${tone}`}>{attempt.statusCode === null ? 'no answer' : String(attempt.statusCode)}</span>;
}
