import type { Order } from '../../../core/Order.ts';
import type { InsertOrderResult } from '../../../core/ports.ts';

/**
 * Writes a new order row, or finds the order its (app, merchant_order_id) already holds. One
 * interface, two ways: a plain insert (createOrderWriter) and SQLite's group commit
 * (createGroupCommitOrderWriter); both take their columns from orderColumns.ts.
 */
export type OrderWriter = {
  insertOrder(order: Order): Promise<InsertOrderResult>;
};
