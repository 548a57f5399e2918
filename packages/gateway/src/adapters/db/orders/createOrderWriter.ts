import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import type { OrderWriter } from './OrderWriter.ts';
import { ON_ORDER_CONFLICT, ORDER_COLUMNS, toOrderValues } from './orderColumns.ts';
import { toOrder } from './toOrder.ts';

/**
 * Inserts each order on its own through `db`: PostgreSQL's writer (its pool commits in parallel)
 * and every dialect's inside a transaction, which is already the unit of commit.
 */
export function createOrderWriter(db: Kysely<Database>): OrderWriter {
  return {
    async insertOrder(order) {
      // The hottest write of the gateway: a fixed SQL template costs a fraction of what building the
      // same statement with the query builder does on every request.
      const result = await sql`insert into orders (${sql.raw(ORDER_COLUMNS.join(', '))})
        values (${sql.join(toOrderValues(order))}) ${sql.raw(ON_ORDER_CONFLICT)}`.execute(db);
      if ((result.numAffectedRows ?? 0n) > 0n) return { inserted: true, order };
      const existing = await db
        .selectFrom('orders')
        .selectAll()
        .where('app_id', '=', order.appId)
        .where('merchant_order_id', '=', order.merchantOrderId)
        .executeTakeFirstOrThrow();
      return { inserted: false, order: toOrder(existing) };
    },
  };
}
