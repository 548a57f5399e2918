import { CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type { Order } from '../../../core/Order.ts';
import type { InsertOrderResult } from '../../../core/ports.ts';
import type { Database, OrdersTable } from '../schema.ts';
import { ON_ORDER_CONFLICT, ORDER_COLUMNS, toOrderValues } from './orderColumns.ts';
import { toOrder } from './toOrder.ts';

/** The non-text columns of `orders`, for typing the arrays of a multi-row insert. */
export const NUMERIC_COLUMNS: Partial<Record<(typeof ORDER_COLUMNS)[number], string>> = {
  valid_period_seconds: 'integer',
  created_at: 'bigint',
  expires_at: 'bigint',
  watch_until: 'bigint',
};

// One array parameter per column, whatever the batch size: one SQL text, parsed and planned alike.
const INSERT_SQL = `insert into orders (${ORDER_COLUMNS.join(', ')})
  select * from unnest(${ORDER_COLUMNS.map((column, i) => `$${i + 1}::${NUMERIC_COLUMNS[column] ?? 'text'}[]`).join(', ')})
  ${ON_ORDER_CONFLICT} returning order_id`;

const FIND_HOLDERS_SQL = `select * from orders
  where (app_id, merchant_order_id) in (select * from unnest($1::text[], $2::text[]))`;

/**
 * Inserts `orders` in one statement (so in one commit) and returns the ids of the orders inserted:
 * ON CONFLICT DO NOTHING skips a row whose (app, merchant_order_id) is taken, by an earlier order or
 * by an earlier row of the same batch, after waiting for the transaction holding it to end.
 * Rejects, having written nothing, if any row breaks another constraint. Compiled without the
 * query builder: the hottest write of the gateway.
 */
export async function insertOrderBatch(db: Kysely<Database>, orders: readonly Order[]): Promise<Set<string>> {
  const rowsOfValues = orders.map((order) => toOrderValues(order));
  const columns = ORDER_COLUMNS.map((_, column) => rowsOfValues.map((values) => values[column]));
  const { rows } = await db.executeQuery<{ order_id: string }>(CompiledQuery.raw(INSERT_SQL, columns));
  return new Set(rows.map((row) => row.order_id));
}

/**
 * Each order's outcome once its batch committed: inserted, or the stored order that holds its
 * (app, merchant_order_id), read in one query for all of them.
 */
export async function settleOrderBatch(
  db: Kysely<Database>,
  orders: readonly Order[],
  inserted: ReadonlySet<string>,
): Promise<PromiseSettledResult<InsertOrderResult>[]> {
  const taken = orders.filter((order) => !inserted.has(order.orderId));
  const holders = taken.length === 0 ? [] : await findHolders(db, taken);
  return orders.map((order): PromiseSettledResult<InsertOrderResult> => {
    if (inserted.has(order.orderId)) return { status: 'fulfilled', value: { inserted: true, order } };
    const holder = holders.find((row) => row.app_id === order.appId && row.merchant_order_id === order.merchantOrderId);
    if (holder === undefined) {
      return { status: 'rejected', reason: new Error(`order ${order.merchantOrderId} was neither inserted nor found`) };
    }
    return { status: 'fulfilled', value: { inserted: false, order: toOrder(holder) } };
  });
}

/** The stored orders holding the keys of `orders` (read after the insert committed). */
async function findHolders(db: Kysely<Database>, orders: readonly Order[]) {
  const { rows } = await db.executeQuery<Selectable<OrdersTable>>(
    CompiledQuery.raw(FIND_HOLDERS_SQL, [orders.map((order) => order.appId), orders.map((o) => o.merchantOrderId)]),
  );
  return rows;
}
