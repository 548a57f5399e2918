import type SQLite from 'better-sqlite3';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Order } from '../../core/Order.ts';
import { isOrderWireStatus } from '../../core/orderWireStatus.ts';
import type { OrderStore } from '../../core/ports.ts';
import { createGroupCommit } from './createGroupCommit.ts';
import type { Database, OrdersTable } from './schema.ts';

export type CreateOrderStoreOptions = {
  /**
   * SQLite only, outside transactions: the connection under `db`, through which orders created
   * at the same moment share one commit (createGroupCommit), the larger part of an insert's cost.
   */
  readonly groupCommit?: SQLite.Database | null;
};

type InsertOrderResult = Awaited<ReturnType<OrderStore['insertOrder']>>;

/** Every column of `orders`, in the order both insert paths write them. */
const ORDER_COLUMNS = [
  'order_id',
  'app_id',
  'merchant_order_id',
  'kind',
  'product_name',
  'product_price',
  'denominated_currency',
  'price_usd_cents',
  'valid_period_seconds',
  'return_url',
  'notify_url',
  'custom_value',
  'remark',
  'checkout_token',
  'request_fingerprint',
  'status',
  'created_at',
  'expires_at',
  'watch_until',
] as const satisfies readonly (keyof OrdersTable)[];

// Idempotency is the unique key: a retry inserts nothing and reads the order it made before.
const ON_CONFLICT = 'on conflict (app_id, merchant_order_id) do nothing';

/** Orders in the database; (app, merchant_order_id) is unique, which makes creation idempotent. */
export function createOrderStore(db: Kysely<Database>, options: CreateOrderStoreOptions = {}): OrderStore {
  const sqlite = options.groupCommit ?? null;
  const batched = sqlite === null ? null : createGroupCommit(db, sqlite, createSyncOrderInsert(sqlite));
  return {
    insertOrder: (order) => (batched === null ? insertOrder(db, order) : batched.submit(order)),
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
    async updateStatus(orderId, status) {
      await db.updateTable('orders').set({ status }).where('order_id', '=', orderId).execute();
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

/** Inserts the order, or returns the one already stored under its merchant order id. */
async function insertOrder(db: Kysely<Database>, order: Order): Promise<InsertOrderResult> {
  // The hottest write of the gateway: a fixed SQL template costs a fraction of what building the
  // same statement with the query builder does on every request.
  const row = toRow(order);
  const result = await sql`insert into orders (${sql.raw(ORDER_COLUMNS.join(', '))})
    values (${sql.join(ORDER_COLUMNS.map((column) => row[column]))}) ${sql.raw(ON_CONFLICT)}`.execute(db);
  if ((result.numAffectedRows ?? 0n) > 0n) return { inserted: true, order };
  const existing = await db
    .selectFrom('orders')
    .selectAll()
    .where('app_id', '=', order.appId)
    .where('merchant_order_id', '=', order.merchantOrderId)
    .executeTakeFirstOrThrow();
  return { inserted: false, order: toOrder(existing) };
}

/** The same insert as {@link insertOrder}, as prepared statements run synchronously in a group commit. */
function createSyncOrderInsert(sqlite: SQLite.Database): (order: Order) => InsertOrderResult {
  const insert = sqlite.prepare(
    `insert into orders (${ORDER_COLUMNS.join(', ')}) values (${ORDER_COLUMNS.map(() => '?').join(', ')}) ${ON_CONFLICT}`,
  );
  const findExisting = sqlite.prepare('select * from orders where app_id = ? and merchant_order_id = ?');
  return (order) => {
    const row = toRow(order);
    if (insert.run(ORDER_COLUMNS.map((column) => row[column])).changes > 0) return { inserted: true, order };
    const existing = findExisting.get(order.appId, order.merchantOrderId) as Selectable<OrdersTable>;
    return { inserted: false, order: toOrder(existing) };
  };
}

/** Maps an order to its row. */
export function toRow(order: Order): OrdersTable {
  return {
    order_id: order.orderId,
    app_id: order.appId,
    merchant_order_id: order.merchantOrderId,
    kind: order.kind,
    product_name: order.productName,
    product_price: order.productPrice,
    denominated_currency: order.denominatedCurrency,
    price_usd_cents: order.priceUsdCents === null ? null : order.priceUsdCents.toString(),
    valid_period_seconds: order.validPeriodSeconds,
    return_url: order.returnUrl,
    notify_url: order.notifyUrl,
    custom_value: order.customValue,
    remark: order.remark,
    checkout_token: order.checkoutToken,
    request_fingerprint: order.requestFingerprint,
    status: order.status,
    created_at: order.createdAtMs,
    expires_at: order.expiresAtMs,
    watch_until: order.watchUntilMs,
  };
}

/** Maps a row to an order, checking the enumerated columns. */
export function toOrder(row: Selectable<OrdersTable>): Order {
  if (!isOrderWireStatus(row.status)) throw new Error(`orders.status holds an unknown status: ${row.status}`);
  if (row.kind !== 'hosted' && row.kind !== 'native') throw new Error(`orders.kind is unknown: ${row.kind}`);
  if (row.denominated_currency !== 'USD' && row.denominated_currency !== 'token') {
    throw new Error(`orders.denominated_currency is unknown: ${row.denominated_currency}`);
  }
  return {
    orderId: row.order_id,
    appId: row.app_id,
    merchantOrderId: row.merchant_order_id,
    kind: row.kind,
    productName: row.product_name,
    productPrice: row.product_price,
    denominatedCurrency: row.denominated_currency,
    priceUsdCents: row.price_usd_cents === null ? null : BigInt(row.price_usd_cents),
    validPeriodSeconds: row.valid_period_seconds,
    returnUrl: row.return_url,
    notifyUrl: row.notify_url,
    customValue: row.custom_value,
    remark: row.remark,
    checkoutToken: row.checkout_token,
    requestFingerprint: row.request_fingerprint,
    status: row.status,
    createdAtMs: Number(row.created_at),
    expiresAtMs: Number(row.expires_at),
    watchUntilMs: Number(row.watch_until),
  };
}
