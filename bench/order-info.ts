// Latency of bill/info with 100 ids among 1,000,000 orders, on SQLite and on PostgreSQL: one
// request at a time on one connection, p50/p99 timed in the client. Goal: p99 < 5 ms on both.
// Beside each, two floors: a bare node:http server doing the same essential work, measured by the same
// client right after the gateway (serveBareOrderInfo.ts), and the lookup alone by the bare driver in
// this process (no HTTP, no gateway).
// The orders are written straight into the gateway's tables (seedOrders.ts), then the lookup's
// plan is printed to show it uses the (app_id, merchant_order_id) key.
// Usage: npx tsx bench/order-info.ts [--orders 1000000] [--requests 2000] [--databases sqlite,postgres]
//   [--keep DIR]  (keeps the seeded databases under DIR and reuses them in later runs: keptOrderData.ts)
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeMachine } from './support/describeMachine.ts';
import { keptOrderData } from './support/keptOrderData.ts';
import { measureBareOrderLookup } from './support/measureBareOrderLookup.ts';
import {
  type MeasureOrderInfoParameters,
  measureOrderInfo,
  type OrderInfoLatency,
} from './support/measureOrderInfo.ts';
import { processTreeCpuMs } from './support/processTreeCpuMs.ts';
import { explainOrderLookup, type OrderTarget, seedOrders } from './support/seedOrders.ts';
import { startServerProcess } from './support/startServerProcess.ts';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '2000' },
    databases: { type: 'string', default: 'sqlite,postgres' },
    keep: { type: 'string' },
  },
});
const orderCount = Number(values.orders);
const requests = Number(values.requests);
const pgUrl = process.env.KASSA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

type ServerInfo = { url: string; appId: string; appSecret: string; dataDir: string; pgSchema?: string };

/** Client-timed latency, and the server's CPU per request (unlike latency, barely moved by other jobs). */
type TimedRun = OrderInfoLatency & { cpuUs: number | null };

type Measured = TimedRun & {
  database: string;
  bareHttp: TimedRun;
  floor: OrderInfoLatency;
};

/** Starts a gateway on `database`, fills it with the orders, and times bill/info against it and the floors. */
async function measureOn(database: string): Promise<Measured> {
  const kept = values.keep === undefined ? undefined : keptOrderData(values.keep, database, orderCount);
  const server = await startServerProcess<ServerInfo>('./serveKassa.ts', [database], kept?.env);
  const { url, appId, appSecret, dataDir, pgSchema } = server.info;
  const target: OrderTarget =
    pgSchema === undefined
      ? { kind: 'sqlite', file: path.join(dataDir, 'kassa.sqlite') }
      : { kind: 'postgres', url: pgUrl, schema: pgSchema };
  const common = { appId, appSecret, orderCount };
  try {
    if (kept?.isSeeded === true) {
      console.log(`${database}: reusing ${orderCount.toLocaleString('en')} orders kept in ${dataDir}`);
    } else {
      const fillStart = performance.now();
      await seedOrders(target, appId, orderCount);
      kept?.markSeeded({ appId, appSecret });
      const fillSeconds = ((performance.now() - fillStart) / 1000).toFixed(1);
      console.log(`${database}: filled ${orderCount.toLocaleString('en')} orders in ${fillSeconds} s`);
    }
    console.log(`${database}: plan of the order lookup: ${await explainOrderLookup(target, appId)}`);
    const kassa = await timeOrderInfo(server.pid, { ...common, url });
    // The floors run while the gateway idles: stopping it drops a data dir or schema not kept.
    const bareHttp = await measureBareServer(target, common);
    const floor = await measureBareOrderLookup(target, appId, orderCount, requests);
    return { database, ...kassa, bareHttp, floor };
  } finally {
    await server.stop();
  }
}

/** bill/info against the server `pid` at `url`, after a warm-up of 200 requests (JIT, caches). */
async function timeOrderInfo(pid: number, parameters: Omit<MeasureOrderInfoParameters, 'requests'>): Promise<TimedRun> {
  await measureOrderInfo({ ...parameters, requests: 200 });
  const cpuBefore = processTreeCpuMs(pid);
  const latency = await measureOrderInfo({ ...parameters, requests });
  const cpuAfter = processTreeCpuMs(pid);
  const cpuUs = cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1000) / requests;
  return { ...latency, cpuUs };
}

/** The same client against the bare node:http server on the same orders. */
async function measureBareServer(
  target: OrderTarget,
  app: { appId: string; appSecret: string; orderCount: number },
): Promise<TimedRun> {
  const options = JSON.stringify({ target, appId: app.appId, appSecret: app.appSecret });
  const bare = await startServerProcess<{ url: string }>('./serveBareOrderInfo.ts', [], { KASSA_BENCH_BARE: options });
  try {
    return await timeOrderInfo(bare.pid, { ...app, url: bare.info.url });
  } finally {
    await bare.stop();
  }
}

console.log(`order-info benchmark — ${describeMachine()}`);
const rows = [];
for (const database of values.databases.split(',')) rows.push(await measureOn(database));
console.log(
  '\n| database | orders | requests | p50 ms | p90 ms | p99 ms | max ms | p99 < 5 ms | server CPU µs/request |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---|---:|');
const ms = (value: number) => value.toFixed(2);
const cpuOf = (run: TimedRun) => (run.cpuUs === null ? '–' : String(Math.round(run.cpuUs)));
for (const r of rows) {
  console.log(
    `| ${r.database} | ${orderCount.toLocaleString('en')} | ${requests} | ${ms(r.p50)} | ${ms(r.p90)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.p99 < 5 ? 'met' : 'NOT met'} | ${cpuOf(r)} |`,
  );
}
console.log('\nThe floors: a bare node:http server doing the same essential work (same client, right after');
console.log('the gateway), and the lookup alone by the bare driver in the benchmark process:');
console.log(
  '| floor | p50 ms | p90 ms | p99 ms | max ms | Kassa p99 / floor p99 | server CPU µs/request |\n|---|---:|---:|---:|---:|---:|---:|',
);
for (const r of rows) {
  for (const [label, f, cpu] of [
    ['bare node:http server', r.bareHttp, cpuOf(r.bareHttp)],
    ['bare driver, no HTTP', r.floor, '–'],
  ] as const)
    console.log(
      `| ${r.database}, ${label} | ${ms(f.p50)} | ${ms(f.p90)} | ${ms(f.p99)} | ${ms(f.max)} | ${(r.p99 / f.p99).toFixed(2)}× | ${cpu} |`,
    );
}
console.log('\nEach request: 100 random merchant order ids out of the orders, 100 orders returned; 1 connection.');
