// The PostgreSQL baseline of bench/create-order.ts: serveBare.ts's work — SHA-256 signature check
// over the raw bytes, JSON parse, one insert — with the insert going to PostgreSQL through a `pg`
// pool, each request its own autocommitted INSERT (what a hand-written server would do). The table
// has the columns and unique keys of Kassa's orders, in a schema of its own dropped on exit.
// Prints one JSON line {url, appId, appSecret} when it listens.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';

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
const appId = '1';
const appSecret = 'bench-secret-bench-secret-bench-secret!!';
let seq = 0;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const timestamp = String(req.headers.timestamp ?? '');
    const expected = createHash('sha256').update(`${appId}${appSecret}${timestamp}`).update(body).digest();
    const given = Buffer.from(String(req.headers.sign ?? ''), 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":100003,"msg":"bad sign"}');
      return;
    }
    const json = JSON.parse(body.toString('utf8')) as Record<string, string>;
    const token = randomBytes(24).toString('base64url');
    const values = [String(++seq), appId, json.merchant_order_id, json.product_name, json.product_price, token];
    pool.query(INSERT, [...values, Date.now()]).then(
      () =>
        res
          .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
          .end(JSON.stringify({ code: 10000, msg: 'success', data: { payment_url: `http://127.0.0.1/pay/${token}` } })),
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, appId, appSecret })}\n`);
});
const stop = async () => {
  server.close();
  await pool.query(`DROP SCHEMA ${schema} CASCADE`);
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
