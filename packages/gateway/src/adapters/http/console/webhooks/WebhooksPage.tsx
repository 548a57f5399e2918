import type { DeliveryState } from '../../../../core/Delivery.ts';
import type { ConsoleAppName, ConsoleDeliveryRow } from '../../../../core/ports/ConsoleQueries.ts';
import type { ConsoleSession } from '../auth/ConsoleSession.ts';
import type { ConsoleAssetHrefs } from '../ConsoleContext.ts';
import { ConsoleLayout } from '../layout/ConsoleLayout.tsx';
import { CsrfField } from '../layout/CsrfField.tsx';
import { formatConsoleTime } from '../layout/formatConsoleTime.ts';
import { ScrollingTable } from '../layout/ScrollingTable.tsx';
import { AnswerExcerpt } from '../orders/AnswerExcerpt.tsx';
import { DeliveryStateBadge } from '../orders/WebhookEntry.tsx';

/** The states the page lists: those an operator may need to act on. */
export const LISTED_STATES = ['failed', 'pending'] as const satisfies readonly DeliveryState[];

export type WebhooksPageProps = {
  readonly assets: ConsoleAssetHrefs;
  readonly session: ConsoleSession;
  readonly apps: readonly ConsoleAppName[];
  readonly state: (typeof LISTED_STATES)[number];
  readonly appId: string;
  readonly rows: readonly ConsoleDeliveryRow[];
  /** The next page's `before`; null on the last page. */
  readonly next: string | null;
  readonly isFirstPage: boolean;
  /** The most one bulk resend re-queues. */
  readonly maxBatch: number;
  readonly notice?: string | undefined;
};

/** `/console/webhooks`: failing or pending deliveries across apps, resend one or all of the filter. */
export function WebhooksPage(p: WebhooksPageProps) {
  const filterQuery = new URLSearchParams({ state: p.state, ...(p.appId === '' ? {} : { app: p.appId }) }).toString();
  return (
    <ConsoleLayout title="Webhooks" assets={p.assets} session={p.session} active="webhooks" notice={p.notice}>
      <form class="filters" method="get" action="/console/webhooks" aria-label="Filter webhooks">
        <div class="field">
          <label for="w-state">State</label>
          <select id="w-state" name="state">
            {LISTED_STATES.map((state) => (
              <option key={state} value={state} selected={state === p.state}>
                {state === 'failed' ? 'Failed (out of attempts)' : 'Pending (due or retrying)'}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="w-app">App</label>
          <select id="w-app" name="app">
            <option value="">Any</option>
            {p.apps.map((app) => (
              <option key={app.appId} value={app.appId} selected={app.appId === p.appId}>
                {app.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Show</button>
      </form>
      {p.rows.length === 0 ? <p class="muted">{`No ${p.state} webhooks.`}</p> : <BulkResend {...p} />}
      {p.rows.length === 0 ? null : <DeliveryTable {...p} />}
      <nav class="pager" aria-label="Pages">
        {p.isFirstPage ? null : <a href={`/console/webhooks?${filterQuery}`}>Latest</a>}
        {p.next === null ? null : (
          <a rel="next" href={`/console/webhooks?${filterQuery}&before=${encodeURIComponent(p.next)}`}>
            Older
          </a>
        )}
      </nav>
    </ConsoleLayout>
  );
}

function FilterFields(p: WebhooksPageProps) {
  return (
    <>
      <CsrfField session={p.session} />
      <input type="hidden" name="state" value={p.state} />
      <input type="hidden" name="app" value={p.appId} />
    </>
  );
}

function BulkResend(p: WebhooksPageProps) {
  const question = `Resend up to ${p.maxBatch} ${p.state} webhooks${p.appId === '' ? ' of every app' : ''}?`;
  return (
    <form class="actions" method="post" action="/console/webhooks/resend-all" data-confirm={question}>
      <FilterFields {...p} />
      <button type="submit">{`Resend all ${p.state}`}</button>
      <span class="muted">{`up to ${p.maxBatch} at once, newest first`}</span>
    </form>
  );
}

function DeliveryTable(p: WebhooksPageProps) {
  return (
    <ScrollingTable label="Webhooks">
      <thead>
        <tr>
          <th scope="col">Next attempt</th>
          <th scope="col">Order</th>
          <th scope="col">App</th>
          <th scope="col">Event</th>
          <th scope="col">Last answer</th>
          <th scope="col">
            <span class="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {p.rows.map(({ delivery, appName, lastAttempt }) => (
          <tr key={delivery.deliveryId}>
            <td class="nowrap">{formatConsoleTime(delivery.nextAttemptAtMs)}</td>
            <td>
              <a
                href={`/console/orders/${encodeURIComponent(delivery.orderId)}#webhook-${encodeURIComponent(delivery.deliveryId)}`}
              >
                <code>{delivery.orderId}</code>
              </a>
            </td>
            <td>{appName}</td>
            <td class="nowrap">
              {`${delivery.event} `}
              <DeliveryStateBadge state={delivery.state} />
              <div class="muted">{`${delivery.attempts} attempt${delivery.attempts === 1 ? '' : 's'}`}</div>
            </td>
            <td>
              {lastAttempt === null ? <span class="muted">not tried yet</span> : null}
              {lastAttempt === null ? null : (
                <div>
                  {lastAttempt.statusCode === null
                    ? (lastAttempt.error ?? 'no answer')
                    : `HTTP ${lastAttempt.statusCode}`}
                </div>
              )}
              {lastAttempt === null || lastAttempt.responseExcerpt === '' ? null : (
                <AnswerExcerpt text={lastAttempt.responseExcerpt.slice(0, 200)} />
              )}
            </td>
            <td>
              <form method="post" action={`/console/webhooks/${encodeURIComponent(delivery.deliveryId)}/resend`}>
                <FilterFields {...p} />
                <button type="submit" class="secondary" aria-label={`Resend the webhook of order ${delivery.orderId}`}>
                  Resend
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}
