import type { Order } from '../../../core/Order.ts';
import type { BillQuote, InsertBillResult } from '../../../core/ports.ts';

/**
 * Writes a new order with its first quote in one commit, or finds the order its
 * (app, merchant_order_id) already holds (then writes nothing). Three ways: a plain transaction
 * (createBillWriter), SQLite's group commit (createGroupCommitBillWriter) and PostgreSQL's one
 * statement per batch of concurrent bills (createBatchedBillWriter).
 */
export type BillWriter = {
  insertOrderWithQuote(order: Order, quote: BillQuote): Promise<InsertBillResult>;
};
