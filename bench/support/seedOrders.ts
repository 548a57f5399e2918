import SQLite from 'better-sqlite3';
import pg from 'pg';

/** Where a benchmark gateway keeps its orders: its SQLite file, or its PostgreSQL schema. */
export type OrderTarget =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema: string };

const COLUMNS = `order_id, app_id, merchant_order_id, kind, product_name, product_price, denominated_currency,
  price_usd_cents, valid_period_seconds, return_url, notify_url, custom_value, remark, checkout_token,
  request_fingerprint, status, created_at, expires_at, watch_until`;
const BATCH = 10_000;

/** The varying values of order `i` (merchant order id `m-<i>`), in the order of the seeding statements. */
const rowOf = (i: number, appId: string, now: number) =>
  [
    String(i).padStart(33, '0'),
    appId,
    `m-${i}`,
    `Product ${i}`,
    `cv-${i}`,
    `tok-${i}`,
    now,
    now + 86_400_000,
    now + 8 * 86_400_000,
  ] as const;

/**
 * Fills the real `orders` table with `count` open orders of `appId` (merchant order ids `m-0`…),
 * directly rather than through the API, which would take as long as the create benchmark:
 * SQLite in transactions of prepared inserts, PostgreSQL in multi-row inserts of 10,000 rows.
 */
export async function seedOrders(target: OrderTarget, appId: string, count: number): Promise<void> {
  const now = Date.now();
  if (target.kind === 'sqlite') return seedSqlite(target.file, appId, count, now);
  const client = new pg.Client({ connectionString: target.url, options: `-c search_path=${target.schema}` });
  await client.connect();
  try {
    for (let from = 0; from < count; from += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, count - from) }, (_, k) => rowOf(from + k, appId, now));
      await client.query(
        `INSERT INTO orders (${COLUMNS})
         SELECT o, a, m, 'hosted', p, '19.99', 'USD', '1999', 86400, NULL, NULL, c, NULL, t, 'x', 'Pending', ca, ea, wu
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::bigint[])
           AS s(o, a, m, p, c, t, ca, ea, wu)`,
        rows[0]?.map((_, column) => rows.map((row) => row[column])),
      );
    }
    await client.query('ANALYZE orders');
  } finally {
    await client.end();
  }
}

function seedSqlite(file: string, appId: string, count: number, now: number) {
  const sqlite = new SQLite(file);
  sqlite.pragma('busy_timeout = 10000');
  const insert = sqlite.prepare(
    `INSERT INTO orders (${COLUMNS})
     VALUES (?, ?, ?, 'hosted', ?, '19.99', 'USD', '1999', 86400, NULL, NULL, ?, NULL, ?, 'x', 'Pending', ?, ?, ?)`,
  );
  const fill = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) insert.run(...rowOf(i, appId, now));
  });
  for (let from = 0; from < count; from += 50_000) fill(from, Math.min(count, from + 50_000));
  sqlite.exec('ANALYZE');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
}

/** The plan of bill/info's order lookup (100 ids), to show it uses the (app_id, merchant_order_id) key. */
export async function explainOrderLookup(target: OrderTarget, appId: string): Promise<string> {
  const ids = Array.from({ length: 100 }, (_, i) => `m-${i * 7}`);
  if (target.kind === 'sqlite') {
    const sqlite = new SQLite(target.file, { readonly: true });
    const plan = sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM orders WHERE app_id = ? AND merchant_order_id IN (${ids.map(() => '?').join(', ')})`,
      )
      .all(appId, ...ids) as { detail: string }[];
    sqlite.close();
    return plan.map((row) => row.detail).join('; ');
  }
  const client = new pg.Client({ connectionString: target.url, options: `-c search_path=${target.schema}` });
  await client.connect();
  try {
    const placeholders = ids.map((_, i) => `$${i + 2}`).join(', ');
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT * FROM orders WHERE app_id = $1 AND merchant_order_id IN (${placeholders})`,
      [appId, ...ids],
    );
    // The 100 ids inline in the plan would bury it.
    return rows.map((row) => row['QUERY PLAN'].trim().replace(/'\{[^}]*\}'/, "'{…}'")).join('; ');
  } finally {
    await client.end();
  }
}
