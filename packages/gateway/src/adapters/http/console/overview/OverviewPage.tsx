import { BACKLOG_COUNT_CAP, type ConsoleOverview } from '../../../../app/console/createConsoleOverviewReader.ts';
import type { ConsoleSession } from '../auth/ConsoleSession.ts';
import type { ConsoleAssetHrefs } from '../ConsoleContext.ts';
import { ConsoleLayout } from '../layout/ConsoleLayout.tsx';
import { formatConsoleTime } from '../layout/formatConsoleTime.ts';
import { formatUsdCents } from './formatUsdCents.ts';
import { CoinTable, DailyTable, FundsAwaitingTable, NetworkTable } from './OverviewTables.tsx';
import { PaidVolumeChart } from './PaidVolumeChart.tsx';

export type OverviewPageProps = {
  readonly assets: ConsoleAssetHrefs;
  readonly session: ConsoleSession;
  readonly overview: ConsoleOverview;
  /** Each network's newest head this process knows of. */
  readonly heads: ReadonlyMap<string, bigint>;
};

/** `/console`: how today and the last 30 days went, what waits, and whether every chain is followed. */
export function OverviewPage({ assets, session, overview, heads }: OverviewPageProps) {
  const { activity, backlog } = overview;
  const today = activity.days.at(-1);
  const spanOrders = activity.days.reduce((sum, d) => sum + d.orders, 0);
  const spanPaid = activity.days.reduce((sum, d) => sum + d.paidUsdCents, 0n);
  const spanDays = activity.days.length;
  return (
    <ConsoleLayout title="Overview" assets={assets} session={session} active="overview">
      <ul class="cards">
        <Card value={String(today?.orders ?? 0)} label="Orders today (UTC)" href="/console/orders" />
        <Card value={formatUsdCents(today?.paidUsdCents ?? 0n)} label="Paid today" />
        <Card value={String(spanOrders)} label={`Orders, ${spanDays} days`} />
        <Card value={formatUsdCents(spanPaid)} label={`Paid, ${spanDays} days`} />
        <Card value={countText(backlog.openOrders)} label="Open orders" href="/console/orders?status=Pending" />
        <Card
          value={countText(backlog.failedDeliveries)}
          label="Webhooks failed"
          href="/console/webhooks?state=failed"
          alert={backlog.failedDeliveries > 0}
        />
        <Card
          value={countText(backlog.retryingDeliveries)}
          label="Webhooks retrying"
          href="/console/webhooks?state=pending"
        />
      </ul>
      <section aria-labelledby="volume-heading">
        <h2 id="volume-heading">Paid volume</h2>
        <PaidVolumeChart days={activity.days} />
        <CoinTable coins={activity.coins} spanDays={spanDays} />
        <details>
          <summary>Every day in figures</summary>
          <DailyTable days={activity.days} />
        </details>
        <p class="muted">
          {overview.pastDaysAtMs === null
            ? 'The days before today are being read (at a million orders that takes a moment): reload to see them.'
            : `Days before today as of ${formatConsoleTime(overview.pastDaysAtMs)}; today as of ${formatConsoleTime(overview.atMs)}.`}
        </p>
      </section>
      <section aria-labelledby="networks-heading">
        <h2 id="networks-heading">Networks</h2>
        <NetworkTable networks={overview.networks} heads={heads} />
      </section>
      <section aria-labelledby="funds-heading">
        <h2 id="funds-heading">Awaiting collection</h2>
        {overview.funds === null ? null : <FundsAwaitingTable lines={overview.funds.value} />}
        <p class="muted">
          {overview.funds === null
            ? 'The funds ledger is being read (it sums every confirmed payment): reload to see it. '
            : `As of ${formatConsoleTime(overview.funds.atMs)}; the whole ledger is on the `}
          {overview.funds === null ? 'It is also on the ' : null}
          <a href="/console/networks">networks page</a>.
        </p>
      </section>
    </ConsoleLayout>
  );
}

/** A backlog count, or "999+" past the cap it was counted to. */
function countText(count: number): string {
  return count > BACKLOG_COUNT_CAP ? `${BACKLOG_COUNT_CAP}+` : String(count);
}

function Card(p: { readonly value: string; readonly label: string; readonly href?: string; readonly alert?: boolean }) {
  const body = (
    <>
      <span class="value">{p.value}</span>
      <span class="label">{p.label}</span>
    </>
  );
  return (
    <li class={p.alert === true ? 'card alert' : 'card'}>
      {p.href === undefined ? body : <a href={p.href}>{body}</a>}
    </li>
  );
}
