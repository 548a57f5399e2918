// The PostgreSQL baseline of bench/create-order.ts: serveBare.ts's work — SHA-256 signature check
// over the raw bytes, JSON parse, one insert — with the insert going to PostgreSQL through a `pg`
// pool, each request its own autocommitted INSERT (what a hand-written server would do). The table
// has the columns and unique keys of Kassa's orders, in a schema of its own dropped on exit.
// Prints one JSON line {url, appId, appSecret} when it listens.
import pg from 'pg';
import { startBareOrderServer } from './startBareOrderServer.ts';

const pgUrl = process.env.KASSA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bare_${process.pid}`;
// pg's default pool size, as a bare server would have it; Kassa's pool is the same size.
const pool = new pg.Pool({ connectionString: pgUrl, max: 10, options: `-c search_path=${schema}` });
await pool.query(`CREATE SCHEMA ${schema}`);
await pool.query(
  `CREATE TABLE ${schema}.orders (order_id TEXT PRIMARY KEY, app_id TEXT NOT NULL, merchant_order_id TEXT NOT NULL,
     product_name TEXT NOT NULL, product_price TEXT NOT NULL, checkout_token TEXT NOT NULL UNIQUE,
     created_at BIGINT NOT NULL, UNIQUE (app_id, merchant_order_id))`,
);
const INSERT =
  'INSERT INTO orders VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (app_id, merchant_order_id) DO NOTHING';
startBareOrderServer(
  (row) => pool.query(INSERT, row),
  async () => {
    await pool.query(`DROP SCHEMA ${schema} CASCADE`);
    await pool.end();
  },
);
