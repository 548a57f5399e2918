import { DuplicateOrderError } from '../core/DuplicateOrderError.ts';
import type { Order } from '../core/Order.ts';
import type { InsertOrderResult, Stores } from '../core/ports.ts';

/**
 * Inserts `order` unless its app already has that merchant order id. A retry with the same values
 * gets the stored order back (`inserted: false`); the same id with other values is `duplicate_order`.
 */
export async function insertOrderOnce(tx: Stores, order: Order): Promise<InsertOrderResult> {
  const result = await tx.orders.insertOrder(order);
  if (result.inserted || result.order.requestFingerprint === order.requestFingerprint) return result;
  throw new DuplicateOrderError({ merchantOrderId: result.order.merchantOrderId });
}
