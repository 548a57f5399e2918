// The baseline of bench/create-order.ts: a bare node:http server doing the same essential work as
// concise/url/get — SHA-256 signature check over the raw bytes, JSON parse, one insert into SQLite
// (WAL) — and nothing else. Prints one JSON line {url, appId, appSecret} when it listens.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { startBareOrderServer } from './startBareOrderServer.ts';

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
startBareOrderServer(
  (row) => {
    insert.run(...row);
    return undefined;
  },
  () => {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
);
