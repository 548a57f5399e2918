// The baseline of bench/create-order.ts: a bare node:http server doing the same essential work as
// concise/url/get — SHA-256 signature check over the raw bytes, JSON parse, one insert into SQLite
// (WAL) — and nothing else. Prints one JSON line {url, appId, appSecret} when it listens.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';

const dataDir = mkdtempSync(path.join(tmpdir(), 'kassa-bare-'));
const db = new SQLite(path.join(dataDir, 'bare.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(
  'CREATE TABLE orders (order_id TEXT PRIMARY KEY, app_id TEXT NOT NULL, merchant_order_id TEXT NOT NULL, product_name TEXT NOT NULL, product_price TEXT NOT NULL, checkout_token TEXT NOT NULL, created_at INTEGER NOT NULL, UNIQUE (app_id, merchant_order_id))',
);
const insert = db.prepare(
  'INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (app_id, merchant_order_id) DO NOTHING',
);
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
    insert.run(String(++seq), appId, json.merchant_order_id, json.product_name, json.product_price, token, Date.now());
    res
      .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      .end(JSON.stringify({ code: 10000, msg: 'success', data: { payment_url: `http://127.0.0.1/pay/${token}` } }));
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, appId, appSecret })}\n`);
});
const stop = () => {
  server.close();
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
