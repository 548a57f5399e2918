import type { Kysely } from 'kysely';
import type { OrderStore } from '../../../core/ports.ts';
import { toOrderWireStatus } from '../../../protocol/toOrderWireStatus.ts';
import type { SqlDialectName } from '../dialect/KassaDialect.ts';
import type { Database } from '../schema.ts';
import { createOrderWriter } from './createOrderWriter.ts';
import { findOrdersWithActivity } from './findOrdersWithActivity.ts';
import type { OrderWriter } from './OrderWriter.ts';
import { toOrder } from './toOrder.ts';

/** Orders in the database; (app, merchant_order_id) is unique, which makes creation idempotent. */
export function createOrderStore(
  db: Kysely<Database>,
  dialect: SqlDialectName,
  writer: OrderWriter = createOrderWriter(db),
): OrderStore {
  return {
    insertOrder: (order) => writer.insertOrder(order),
    async findOrder(orderId) {
      const row = await db.selectFrom('orders').selectAll().where('order_id', '=', orderId).executeTakeFirst();
      return row === undefined ? null : toOrder(row);
    },
    async findOrderByCheckoutToken(token) {
      const row = await db.selectFrom('orders').selectAll().where('checkout_token', '=', token).executeTakeFirst();
      return row === undefined ? null : toOrder(row);
    },
    async findOrdersByMerchantOrderIds(appId, merchantOrderIds) {
      if (merchantOrderIds.length === 0) return [];
      const rows = await db
        .selectFrom('orders')
        .selectAll()
        .where('app_id', '=', appId)
        .where('merchant_order_id', 'in', [...merchantOrderIds])
        .execute();
      return rows.map(toOrder);
    },
    findOrdersWithActivity: (appId, merchantOrderIds) => findOrdersWithActivity(db, dialect, appId, merchantOrderIds),
    async updateStatus(orderId, status) {
      await db
        .updateTable('orders')
        .set({ status: toOrderWireStatus(status) })
        .where('order_id', '=', orderId)
        .execute();
    },
    async lockOrder(orderId) {
      // A no-op write rather than SELECT … FOR UPDATE, which SQLite does not parse: it takes the
      // same row lock on PostgreSQL and makes SQLite's transaction a writer from the start.
      await db
        .updateTable('orders')
        .set((eb) => ({ status: eb.ref('status') }))
        .where('order_id', '=', orderId)
        .execute();
    },
    async expirePendingOrders(nowMs, limit) {
      const result = await db
        .updateTable('orders')
        .set({ status: 'Expired' })
        .where('order_id', 'in', (eb) =>
          eb
            .selectFrom('orders')
            .select('order_id')
            .where('status', '=', 'Pending')
            .where('expires_at', '<=', nowMs)
            .limit(limit),
        )
        // Re-checked here: on PostgreSQL a watcher may have recorded funds since the subquery ran.
        .where('status', '=', 'Pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
