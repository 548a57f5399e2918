import type { App } from '../core/App.ts';
import type { Order } from '../core/Order.ts';
import type { Payment } from '../core/Payment.ts';
import type { Quote } from '../core/Quote.ts';
import { type OrderSummary, summarizeOrder } from '../core/summarizeOrder.ts';
import type { Deps } from './Deps.ts';

export type OrderInfo = {
  readonly order: Order;
  readonly quotes: readonly Quote[];
  readonly payments: readonly Payment[];
  readonly summary: OrderSummary;
};

export type GetOrdersDeps = Pick<Deps, 'store' | 'clock'>;

export type GetOrdersParameters = {
  /** The app asking: only its own orders are found. */
  readonly app: App;
  readonly merchantOrderIds: readonly string[];
};

/**
 * Loads an app's orders by merchant order id with their quotes, payments and current status, in
 * three queries whatever the count. Unknown ids are left out; the result follows the request order.
 */
export async function getOrders(
  deps: GetOrdersDeps,
  { app, merchantOrderIds }: GetOrdersParameters,
): Promise<OrderInfo[]> {
  const orders = await deps.store.orders.findOrdersByMerchantOrderIds(app.appId, merchantOrderIds);
  if (orders.length === 0) return [];
  const orderIds = orders.map((o) => o.orderId);
  const [quotes, payments] = await Promise.all([
    deps.store.quotes.listQuotesForOrders(orderIds),
    deps.store.payments.listPaymentsForOrders(orderIds),
  ]);
  const quotesByOrder = groupBy(quotes, (q) => q.orderId);
  const paymentsByOrder = groupBy(payments, (p) => p.orderId);
  const byMerchantId = new Map(orders.map((o) => [o.merchantOrderId, o]));
  const nowMs = deps.clock.now();
  return merchantOrderIds.flatMap((id) => {
    const order = byMerchantId.get(id);
    if (order === undefined) return [];
    const orderQuotes = quotesByOrder.get(order.orderId) ?? [];
    const orderPayments = paymentsByOrder.get(order.orderId) ?? [];
    const summary = summarizeOrder({
      order,
      quotes: orderQuotes,
      payments: orderPayments,
      tolerance: app.paymentTolerance,
      nowMs,
    });
    return [{ order, quotes: orderQuotes, payments: orderPayments, summary }];
  });
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}
