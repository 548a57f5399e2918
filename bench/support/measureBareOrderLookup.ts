import SQLite from 'better-sqlite3';
import pg from 'pg';
import { SQLITE_CACHE_KIB } from '../../packages/gateway/src/adapters/db/openSqliteDb.ts';
import { type OrderInfoLatency, summarizeLatencies } from './measureOrderInfo.ts';
import type { OrderTarget } from './seedOrders.ts';

const IDS_PER_LOOKUP = 100;

/**
 * The floor under `bill/info`: the lookup the gateway makes for 100 random ids, by the bare driver
 * in this process (no HTTP, no gateway, rows read but not turned into replies). SQLite: the three
 * statements of `findOrdersWithActivity`, with the gateway's page cache and no memory map.
 * PostgreSQL: its one statement, on a plain `pg` client.
 */
export async function measureBareOrderLookup(
  target: OrderTarget,
  appId: string,
  orderCount: number,
  lookups: number,
): Promise<OrderInfoLatency> {
  const randomIds = () => {
    const ids = new Set<string>();
    while (ids.size < IDS_PER_LOOKUP) ids.add(`m-${Math.floor(Math.random() * orderCount)}`);
    return [...ids];
  };
  const lookup = target.kind === 'sqlite' ? openSqliteLookup(target.file, appId) : await openPgLookup(target, appId);
  try {
    for (let n = 0; n < 200; n++) await lookup.run(randomIds()); // warm-up, as for the gateway
    const latencies: number[] = [];
    for (let n = 0; n < lookups; n++) {
      const ids = randomIds();
      const started = performance.now();
      const found = await lookup.run(ids);
      latencies.push(performance.now() - started);
      if (found !== IDS_PER_LOOKUP) throw new Error(`bare lookup found ${found} of ${IDS_PER_LOOKUP} orders`);
    }
    return summarizeLatencies(latencies);
  } finally {
    await lookup.close();
  }
}

type Lookup = { run(ids: readonly string[]): Promise<number>; close(): Promise<void> };

function openSqliteLookup(file: string, appId: string): Lookup {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  db.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  db.pragma('mmap_size = 0');
  const list = Array(IDS_PER_LOOKUP).fill('?').join(',');
  const orders = db.prepare(`select * from orders where app_id = ? and merchant_order_id in (${list})`);
  const activity = (table: 'quotes' | 'payments', order: string) =>
    db.prepare(`select * from ${table} where order_id in (${list}) order by ${order}`);
  const quotes = activity('quotes', 'quote_id');
  const payments = activity('payments', 'seen_at, record_id');
  return {
    run: async (ids) => {
      const rows = orders.all(appId, ...ids) as { order_id: string }[];
      const orderIds = rows.map((row) => row.order_id);
      quotes.all(...orderIds);
      payments.all(...orderIds);
      return rows.length;
    },
    close: async () => {
      db.close();
    },
  };
}

async function openPgLookup(target: Extract<OrderTarget, { kind: 'postgres' }>, appId: string): Promise<Lookup> {
  const client = new pg.Client({ connectionString: target.url, options: `-c search_path=${target.schema}` });
  await client.connect();
  // The statement of adapters/db/orders/findOrdersWithActivity.ts, sent as Kysely sends it (unnamed).
  const text = `select o.*,
      coalesce((select json_agg(q order by q.quote_id) from quotes q where q.order_id = o.order_id), '[]') as quotes,
      coalesce((select json_agg(p order by p.seen_at, p.record_id) from payments p where p.order_id = o.order_id), '[]') as payments
    from orders o where o.app_id = $1 and o.merchant_order_id = any($2)`;
  return {
    run: async (ids) => (await client.query(text, [appId, ids])).rowCount ?? 0,
    close: () => client.end(),
  };
}
