import type { App } from '../core/App.ts';
import { isPaidStatus, isSameOrderStatus, type OrderStatus } from '../core/OrderStatus.ts';
import type { Payment } from '../core/Payment.ts';
import { summarizeOrder } from '../core/summarizeOrder.ts';
import type { Deps } from './Deps.ts';
import { type EnqueuePaymentWebhooksDeps, enqueuePaymentWebhooks } from './enqueuePaymentWebhooks.ts';

export type RefreshOrderStatusesDeps = EnqueuePaymentWebhooksDeps & Pick<Deps, 'networks'>;

export type RefreshOrderStatusesParameters = {
  /** Payments whose status this transaction changed (recorded, confirmed or failed). */
  readonly changedPayments: readonly Payment[];
  readonly nowMs: number;
  /** Told about each order this change moves from unpaid to paid (counted once the caller commits). */
  readonly onPaid?: (orderId: string) => void;
};

/**
 * Recomputes and stores the status of every order the changed payments belong to, and writes the
 * webhook each change calls for, inside the caller's transaction `deps.tx`: a payment's status, its
 * order's status and its webhook commit together. Returns the new status of each order.
 */
export async function refreshOrderStatuses(
  deps: RefreshOrderStatusesDeps,
  { changedPayments, nowMs, onPaid }: RefreshOrderStatusesParameters,
): Promise<Map<string, OrderStatus>> {
  const { tx } = deps;
  // The `new Error`s below are invariants, not callers' mistakes: payments, quotes, orders and apps
  // reference each other by foreign key.
  const statuses = new Map<string, OrderStatus>();
  const apps = new Map<string, App>();
  // Row locks are taken in one global order, so two watchers touching the same orders cannot deadlock.
  const orderIds = [...new Set(changedPayments.map((p) => p.orderId))].sort();
  for (const orderId of orderIds) {
    await tx.orders.lockOrder(orderId);
    const order = await tx.orders.findOrder(orderId);
    if (order === null) throw new Error(`payment of unknown order ${orderId}`);
    let app = apps.get(order.appId);
    if (app === undefined) {
      const found = await tx.apps.findApp(order.appId);
      if (found === null) throw new Error(`order ${orderId} belongs to unknown app ${order.appId}`);
      app = found;
      apps.set(order.appId, app);
    }
    // Read after the lock: on PostgreSQL this sees payments other transactions committed meanwhile.
    const [quotes, payments] = await Promise.all([
      tx.quotes.listQuotesForOrders([orderId]),
      tx.payments.listPaymentsForOrders([orderId]),
    ]);
    const summary = summarizeOrder({ order, quotes, payments, tolerance: app.paymentTolerance, nowMs });
    if (!isSameOrderStatus(summary.status, order.status)) await tx.orders.updateStatus(orderId, summary.status);
    if (isPaidStatus(summary.status) && !isPaidStatus(order.status)) onPaid?.(orderId);
    statuses.set(orderId, summary.status);

    const quoteById = new Map(quotes.map((q) => [q.quoteId, q]));
    const updatedOrder = { ...order, status: summary.status };
    for (const changed of changedPayments) {
      if (changed.orderId !== orderId) continue;
      const quote = quoteById.get(changed.quoteId);
      if (quote === undefined)
        throw new Error(`payment ${changed.recordId} refers to unknown quote ${changed.quoteId}`);
      await enqueuePaymentWebhooks(deps, {
        app,
        order: updatedOrder,
        quote,
        payment: changed,
        orderStatus: summary.status,
        nowMs,
      });
    }
  }
  return statuses;
}
