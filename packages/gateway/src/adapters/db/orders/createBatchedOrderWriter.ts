import type { Kysely } from 'kysely';
import type { Order } from '../../../core/Order.ts';
import type { InsertOrderResult } from '../../../core/ports.ts';
import type { Database } from '../schema.ts';
import { createOrderWriter } from './createOrderWriter.ts';
import { createWriteBatcher } from './createWriteBatcher.ts';
import { insertOrderBatch, settleOrderBatch } from './insertOrderBatch.ts';
import type { OrderWriter } from './OrderWriter.ts';

export type CreateBatchedOrderWriterOptions = {
  /** Batch inserts running at once; each holds one pool connection. */
  readonly maxInFlight?: number;
  /** Orders per INSERT at most (PostgreSQL takes 65,535 parameters; an order has 19). */
  readonly maxBatchSize?: number;
};

/**
 * PostgreSQL, outside transactions: the orders of concurrent requests go in as one multi-row
 * INSERT, one statement and one commit for the batch instead of one each (createWriteBatcher).
 * A statement fails as a whole, so when a batch fails (say one order names an app that does not
 * exist) its orders are inserted again one at a time: every request gets its own outcome.
 * Callers hear of their order only once the statement that wrote it has committed.
 */
export function createBatchedOrderWriter(
  db: Kysely<Database>,
  { maxInFlight = 2, maxBatchSize = 500 }: CreateBatchedOrderWriterOptions = {},
): OrderWriter {
  const single = createOrderWriter(db);
  const batcher = createWriteBatcher<Order, InsertOrderResult>({
    maxInFlight,
    maxBatchSize,
    async writeBatch(orders) {
      let inserted: Set<string>;
      try {
        inserted = await insertOrderBatch(db, orders);
      } catch (error) {
        if (orders.length === 1) throw error;
        // Nothing of the batch was written: the statement failed as a whole. One by one, in the
        // order they arrived, so that of two orders in conflict the earlier one wins, as in a batch.
        const outcomes: PromiseSettledResult<InsertOrderResult>[] = [];
        for (const order of orders) {
          const [outcome] = await Promise.allSettled([single.insertOrder(order)]);
          outcomes.push(outcome as PromiseSettledResult<InsertOrderResult>);
        }
        return outcomes;
      }
      return settleOrderBatch(db, orders, inserted);
    },
  });
  return { insertOrder: (order) => batcher.submit(order) };
}
