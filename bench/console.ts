// Latency of the operator console's pages over a million orders, on SQLite and on PostgreSQL:
// the orders list (first page, filtered, deep), search by each of the four keys, the overview,
// an order's page and the webhooks page; each timed over real HTTP, one request at a time, against
// the real gateway in its own process with a signed-in operator. Goal: every page p99 < 50 ms.
// The orders, quotes, payments and webhooks are written straight into the tables by SQL
// (seedConsoleData.ts), not through the API.
// Usage: npx tsx bench/console.ts [--orders 1000000] [--requests 300] [--databases sqlite,postgres] [--keep DIR]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { describeMachine } from './support/describeMachine.ts';
import { consolePageCases, measureConsolePage, type PageLatency } from './support/measureConsolePages.ts';
import { prepareConsoleDatabase } from './support/prepareConsoleDatabase.ts';
import { startServerProcess } from './support/startServerProcess.ts';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '300' },
    databases: { type: 'string', default: 'sqlite,postgres' },
    keep: { type: 'string' },
  },
});
const orderCount = Number(values.orders);
const requests = Number(values.requests);
const pgUrl = process.env.KASSA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const GOAL_MS = 50;
const WARM_UP = 30;

/** The machine's 1- and 5-minute load averages: on 2 cores, anything above 2 is others' work slowing these figures. */
function loadAverage(): string {
  const [one = 0, five = 0] = os.loadavg();
  return `${one.toFixed(1)} (1 min), ${five.toFixed(1)} (5 min)`;
}

/** A fixed-seed generator: every run asks for the same keys. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

async function measureOn(database: 'sqlite' | 'postgres'): Promise<PageLatency[]> {
  const db = await prepareConsoleDatabase({ database, count: orderCount, pgUrl, keepDir: values.keep });
  const seeded = db.seedSeconds === null ? 'reused kept' : `seeded in ${db.seedSeconds.toFixed(1)} s:`;
  console.log(`${database}: ${seeded} ${orderCount.toLocaleString('en')} orders with quotes, payments and webhooks`);
  const args = [db.dataDir, db.databaseUrl, ...(db.pgSchema === undefined ? [] : [db.pgSchema])];
  const server = await startServerProcess<{ url: string; cookie: string }>('./serveConsoleBench.ts', args);
  try {
    const results: PageLatency[] = [];
    console.log(`${database}: load average before: ${loadAverage()}`);
    for (const page of consolePageCases(orderCount, db.nowMs, seededRandom(15))) {
      const latency = await measureConsolePage({ ...server.info, pid: server.pid }, page, requests, WARM_UP);
      const complete =
        latency.completeAfterMs === null
          ? ''
          : `, complete ${Math.round(latency.completeAfterMs)} ms after its first view`;
      console.log(
        `${database}: ${page.name}: p50 ${latency.p50.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms${complete}`,
      );
      results.push(latency);
    }
    console.log(`${database}: load average after: ${loadAverage()}`);
    return results;
  } finally {
    await server.stop();
    await db.dispose();
  }
}

console.log(`console benchmark — ${describeMachine()}`);
const table: { database: string; rows: PageLatency[] }[] = [];
for (const database of values.databases.split(',')) {
  if (database !== 'sqlite' && database !== 'postgres') throw new Error(`unknown database ${database}`);
  table.push({ database, rows: await measureOn(database) });
}
console.log(
  `\n| database | page | requests | p50 ms | p99 ms | max ms | p99 < ${GOAL_MS} ms | first request ms | gateway CPU µs/request |`,
);
console.log('|---|---|---:|---:|---:|---:|---|---:|---:|');
for (const { database, rows } of table) {
  for (const r of rows) {
    const ms = (value: number) => value.toFixed(2);
    console.log(
      `| ${database} | ${r.name} | ${r.requests} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.p99 < GOAL_MS ? 'met' : 'NOT met'} | ${ms(r.first)} | ${r.cpuUs === null ? '–' : Math.round(r.cpuUs)} |`,
    );
  }
}
console.log(
  `\n${orderCount.toLocaleString('en')} orders over a year; one request at a time on one keep-alive connection, ${WARM_UP} untimed first (the first of all in its own column; the overview's shows today at once and reads the 29 days before and the funds ledger behind it, timed from when it is complete); bodies compressed as a browser asks (br).`,
);
