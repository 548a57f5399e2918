// Latency of bill/info with 100 ids against a SQLite database holding 1,000,000 orders.
// Goal: p99 < 10 ms. Usage: npx tsx bench/order-info.ts [--orders 1000000] [--requests 2000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sign } from '@kassa/sdk';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { createApp } from '../packages/gateway/src/app/createApp.ts';
import { loadConfig } from '../packages/gateway/src/config/loadConfig.ts';
import { createGateway } from '../packages/gateway/src/main.ts';
import { describeMachine } from './support/describeMachine.ts';
import { startServerProcess } from './support/startServerProcess.ts';

const { values } = parseArgs({
  options: { orders: { type: 'string', default: '1000000' }, requests: { type: 'string', default: '2000' } },
});
const orderCount = Number(values.orders);
const requestCount = Number(values.requests);
const dataDir = mkdtempSync(path.join(tmpdir(), 'kassa-bench-info-'));

console.log(`order-info benchmark — ${describeMachine()}`);
const config = loadConfig({ mode: 'dev', env: { KASSA_DATA_DIR: dataDir, KASSA_LOG_LEVEL: 'warn' } });
const gateway = await createGateway(config);
const { appId, appSecret } = await createApp(gateway.deps, { name: 'bench', webhookUrl: null });
await gateway.close();

// Fill the real schema directly: going through the API would take as long as the create benchmark.
const fillStart = performance.now();
const sqlite = new SQLite(config.database.url);
sqlite.pragma('journal_mode = WAL');
const insert = sqlite.prepare(
  `INSERT INTO orders (order_id, app_id, merchant_order_id, kind, product_name, product_price, denominated_currency,
     price_usd_cents, valid_period_seconds, return_url, notify_url, custom_value, remark, checkout_token,
     request_fingerprint, status, created_at, expires_at, watch_until)
   VALUES (?, ?, ?, 'hosted', ?, '19.99', 'USD', '1999', 86400, NULL, NULL, ?, NULL, ?, 'x', 'Pending', ?, ?, ?)`,
);
const now = Date.now();
const fill = sqlite.transaction((from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const id = String(i).padStart(33, '0');
    insert.run(id, appId, `m-${i}`, `Product ${i}`, `cv-${i}`, `tok-${i}`, now, now + 86_400_000, now + 8 * 86_400_000);
  }
});
for (let from = 0; from < orderCount; from += 50_000) fill(from, Math.min(orderCount, from + 50_000));
sqlite.pragma('wal_checkpoint(TRUNCATE)');
sqlite.close();
console.log(
  `filled ${orderCount.toLocaleString('en')} orders in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`,
);

const server = await startServerProcess<{ url: string }>('./serveKassa.ts', ['sqlite'], {
  KASSA_BENCH_DATA_DIR: dataDir,
  KASSA_BENCH_APP_ID: appId,
  KASSA_BENCH_APP_SECRET: appSecret,
});
try {
  const run = (connections: number, amount: number) =>
    autocannon({
      url: server.info.url,
      connections,
      amount,
      requests: [
        {
          method: 'POST',
          path: '/ccpayment/v1/bill/info',
          setupRequest: (req) => {
            const ids = Array.from({ length: 100 }, () => `"m-${Math.floor(Math.random() * orderCount)}"`);
            const body = `{"merchant_order_ids":[${ids.join(',')}]}`;
            const timestamp = String(Math.floor(Date.now() / 1000));
            return {
              ...req,
              body,
              headers: { Appid: appId, Timestamp: timestamp, Sign: sign({ appId, appSecret, timestamp, body }) },
            };
          },
        },
      ],
    });
  await run(1, 200); // warm-up
  console.log('\n| connections | requests | req/s | p50 ms | p99 ms | max ms |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const connections of [1, 4]) {
    const r = await run(connections, requestCount);
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`${r.non2xx} non-2xx, ${r.errors} errors`);
    console.log(
      `| ${connections} | ${requestCount} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.latency.max} |`,
    );
  }
  console.log('\nGoal: p99 < 10 ms (each request: 100 random ids out of the million, 100 orders returned).');
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
