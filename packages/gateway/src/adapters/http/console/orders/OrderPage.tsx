import type { ComponentChildren } from 'preact';
import type { Network } from '../../../../core/network.ts';
import type { OrderStatus } from '../../../../core/OrderStatus.ts';
import type { ConsoleOrderDetail } from '../../../../core/ports/ConsoleQueries.ts';
import type { ConsoleSession } from '../auth/ConsoleSession.ts';
import type { ConsoleAssetHrefs } from '../ConsoleContext.ts';
import { ConsoleLayout } from '../layout/ConsoleLayout.tsx';
import { formatConsoleTime } from '../layout/formatConsoleTime.ts';
import type { TimelineEntry } from './buildOrderTimeline.ts';
import { OrderStatusBadge } from './OrderStatusBadge.tsx';
import { OrderTimeline } from './OrderTimeline.tsx';

export type OrderPageProps = {
  readonly assets: ConsoleAssetHrefs;
  readonly session: ConsoleSession;
  readonly detail: ConsoleOrderDetail;
  /** The status now (an open order's valid period may have ended since it was stored). */
  readonly status: OrderStatus;
  readonly timeline: readonly TimelineEntry[];
  readonly networks: readonly Network[];
  readonly notice?: string | undefined;
};

/** `/console/orders/:orderId`: what the merchant asked for, then everything that happened to the order. */
export function OrderPage(p: OrderPageProps) {
  const { order, appName } = p.detail;
  return (
    <ConsoleLayout
      title={`Order ${order.merchantOrderId}`}
      assets={p.assets}
      session={p.session}
      active="orders"
      notice={p.notice}
    >
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          <OrderStatusBadge status={p.status} />
        </dd>
        <Fact label="App">
          <a href={`/console/apps/${encodeURIComponent(order.appId)}`}>{appName}</a>
        </Fact>
        <Fact label="Merchant order id">{order.merchantOrderId}</Fact>
        <Fact label="Kassa order id">
          <code>{order.orderId}</code>
        </Fact>
        <Fact label="Product">{order.productName}</Fact>
        <Fact label="Price">{`${order.productPrice} ${order.denominatedCurrency}`}</Fact>
        <Fact label="Kind">
          {order.kind === 'hosted' ? 'Hosted checkout (buyer picks the coin)' : 'Bill (merchant picked the coin)'}
        </Fact>
        <Fact label="Created">{formatConsoleTime(order.createdAtMs)}</Fact>
        <Fact label="Valid until">{formatConsoleTime(order.expiresAtMs)}</Fact>
        <Fact label="Custom value">{order.customValue ?? <span class="muted">none</span>}</Fact>
        <Fact label="Notify URL">
          {order.notifyUrl === null ? <span class="muted">the app's</span> : <code>{order.notifyUrl}</code>}
        </Fact>
        <Fact label="Return URL">
          {order.returnUrl === null ? <span class="muted">none</span> : <code>{order.returnUrl}</code>}
        </Fact>
        <Fact label="Checkout page">
          <a href={`/pay/${encodeURIComponent(order.checkoutToken)}`}>open</a>
        </Fact>
      </dl>
      <h2>Timeline</h2>
      <OrderTimeline
        entries={p.timeline}
        quotes={p.detail.quotes}
        networks={p.networks}
        session={p.session}
        orderId={order.orderId}
      />
    </ConsoleLayout>
  );
}

function Fact({ label, children }: { readonly label: string; readonly children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
