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
 * one store call whatever the count. Unknown ids are left out; the result follows the request order.
 */
export async function getOrders(
  deps: GetOrdersDeps,
  { app, merchantOrderIds }: GetOrdersParameters,
): Promise<OrderInfo[]> {
  const found = await deps.store.orders.findOrdersWithActivity(app.appId, merchantOrderIds);
  const byMerchantId = new Map(found.map((f) => [f.order.merchantOrderId, f]));
  const nowMs = deps.clock.now();
  return merchantOrderIds.flatMap((id) => {
    const entry = byMerchantId.get(id);
    if (entry === undefined) return [];
    const { order, quotes, payments } = entry;
    const summary = summarizeOrder({ order, quotes, payments, tolerance: app.paymentTolerance, nowMs });
    return [{ order, quotes, payments, summary }];
  });
}
