import type { Order } from '../../../core/Order.ts';
import type { InsertOrderResult } from '../../../core/ports.ts';

/**
 * Writes a new order row, or finds the order its (app, merchant_order_id) already holds. One
 * interface, three ways: a plain insert (createOrderWriter), SQLite's group commit
 * (createGroupCommitOrderWriter) and PostgreSQL's multi-row insert of concurrent orders
 * (createBatchedOrderWriter); all take their columns from orderColumns.ts.
 */
export type OrderWriter = {
  insertOrder(order: Order): Promise<InsertOrderResult>;
};
