import SQLite from 'better-sqlite3';
import pg from 'pg';
import { SQLITE_CACHE_KIB } from '../../packages/gateway/src/adapters/db/openSqliteDb.ts';
import type { OrderTarget } from './seedOrders.ts';

/** An order row as the bare driver returns it: the `orders` columns, snake_case, as stored. */
export type BareOrderRow = Readonly<Record<string, unknown>>;

/** `bill/info`'s lookup by the bare driver: the orders with these merchant order ids, and their activity. */
export type BareOrderLookup = {
  find(ids: readonly string[]): Promise<BareOrderRow[]>;
  close(): Promise<void>;
};

/** At most this many ids per lookup: SQLite's statements are prepared for exactly this many. */
export const BARE_LOOKUP_IDS = 100;

/**
 * The statements `findOrdersWithActivity` runs, without the gateway. SQLite: its three statements
 * (orders, then their quotes and payments), with the gateway's page cache and no memory map.
 * PostgreSQL: its one statement, on a plain `pg` client.
 */
export async function openBareOrderLookup(target: OrderTarget, appId: string): Promise<BareOrderLookup> {
  return target.kind === 'sqlite' ? openSqliteLookup(target.file, appId) : await openPgLookup(target, appId);
}

function openSqliteLookup(file: string, appId: string): BareOrderLookup {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  db.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  db.pragma('mmap_size = 0');
  const list = Array(BARE_LOOKUP_IDS).fill('?').join(',');
  const orders = db.prepare(`select * from orders where app_id = ? and merchant_order_id in (${list})`);
  const activity = (table: 'quotes' | 'payments', order: string) =>
    db.prepare(`select * from ${table} where order_id in (${list}) order by ${order}`);
  const quotes = activity('quotes', 'quote_id');
  const payments = activity('payments', 'seen_at, record_id');
  // Unused placeholders are bound to null, which matches no row.
  const padded = (values: readonly unknown[]) => [...values, ...Array(BARE_LOOKUP_IDS - values.length).fill(null)];
  return {
    find: async (ids) => {
      const rows = orders.all(appId, ...padded(ids)) as BareOrderRow[];
      const orderIds = rows.map((row) => row.order_id);
      quotes.all(...padded(orderIds));
      payments.all(...padded(orderIds));
      return rows;
    },
    close: async () => {
      db.close();
    },
  };
}

async function openPgLookup(
  target: Extract<OrderTarget, { kind: 'postgres' }>,
  appId: string,
): Promise<BareOrderLookup> {
  const client = new pg.Client({ connectionString: target.url, options: `-c search_path=${target.schema}` });
  await client.connect();
  // The statement of adapters/db/orders/findOrdersWithActivity.ts, sent as Kysely sends it (unnamed).
  const text = `select o.*,
      coalesce((select json_agg(q order by q.quote_id) from quotes q where q.order_id = o.order_id), '[]') as quotes,
      coalesce((select json_agg(p order by p.seen_at, p.record_id) from payments p where p.order_id = o.order_id), '[]') as payments
    from orders o where o.app_id = $1 and o.merchant_order_id = any($2)`;
  return {
    find: async (ids) => (await client.query(text, [appId, ids])).rows as BareOrderRow[],
    close: () => client.end(),
  };
}
