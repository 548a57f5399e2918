import type { Order } from '../Order.ts';
import type { Payment } from '../Payment.ts';
import type { Quote } from '../Quote.ts';

export type InsertOrderResult =
  | { readonly inserted: true; readonly order: Order }
  /** The (app, merchant_order_id) pair existed: here is the order that holds it. */
  | { readonly inserted: false; readonly order: Order };

/** An order with its quotes (by id) and its payments (by time seen, then record id). */
export type OrderWithActivity = {
  readonly order: Order;
  readonly quotes: readonly Quote[];
  readonly payments: readonly Payment[];
};

export type OrderStore = {
  /** Inserts unless the app already has that merchant order id (idempotent by unique key). */
  insertOrder(order: Order): Promise<InsertOrderResult>;
  findOrder(orderId: string): Promise<Order | null>;
  findOrderByCheckoutToken(token: string): Promise<Order | null>;
  findOrdersByMerchantOrderIds(appId: string, merchantOrderIds: readonly string[]): Promise<Order[]>;
  /**
   * The app's orders by merchant order id with their quotes and payments, in one round trip where
   * the database allows (bill/info asks for 100 at a time). Unknown ids are left out; any order.
   */
  findOrdersWithActivity(appId: string, merchantOrderIds: readonly string[]): Promise<OrderWithActivity[]>;
  updateStatus(orderId: string, status: Order['status']): Promise<void>;
  /**
   * Takes the order's row lock for the rest of the transaction (PostgreSQL; SQLite has one writer
   * anyway), so two watchers recording payments of one order do not compute its status from
   * stale views.
   */
  lockOrder(orderId: string): Promise<void>;
  /**
   * Sets `Expired` on up to `limit` `Pending` orders whose valid period ended by `nowMs`; returns
   * how many. `Pending` means no confirmed funds, as the watcher keeps the status current.
   */
  expirePendingOrders(nowMs: number, limit: number): Promise<number>;
};
