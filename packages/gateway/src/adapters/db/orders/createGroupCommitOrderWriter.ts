import type SQLite from 'better-sqlite3';
import type { Kysely, Selectable } from 'kysely';
import type { Order } from '../../../core/Order.ts';
import type { InsertOrderResult } from '../../../core/ports.ts';
import { createGroupCommit } from '../createGroupCommit.ts';
import type { Database, OrdersTable } from '../schema.ts';
import type { OrderWriter } from './OrderWriter.ts';
import { ON_ORDER_CONFLICT, ORDER_COLUMNS, toOrderValues } from './orderColumns.ts';
import { toOrder } from './toOrder.ts';

/**
 * SQLite, outside transactions: orders created at the same moment share one commit
 * (createGroupCommit), the larger part of an insert's cost. The same insert as createOrderWriter's,
 * as prepared statements run synchronously on `sqlite`, the connection under `db`.
 */
export function createGroupCommitOrderWriter(db: Kysely<Database>, sqlite: SQLite.Database): OrderWriter {
  const insert = sqlite.prepare(
    `insert into orders (${ORDER_COLUMNS.join(', ')}) values (${ORDER_COLUMNS.map(() => '?').join(', ')}) ${ON_ORDER_CONFLICT}`,
  );
  const findExisting = sqlite.prepare('select * from orders where app_id = ? and merchant_order_id = ?');
  const batched = createGroupCommit(db, sqlite, (order: Order): InsertOrderResult => {
    if (insert.run(toOrderValues(order)).changes > 0) return { inserted: true, order };
    const existing = findExisting.get(order.appId, order.merchantOrderId) as Selectable<OrdersTable>;
    return { inserted: false, order: toOrder(existing) };
  });
  return { insertOrder: (order) => batched.submit(order) };
}
