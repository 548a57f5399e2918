// Memory of `kassa serve` as an operator runs it (a config file, SQLite, one network watched on a
// real anvil, KASSA_MASTER_KEY set), read from /proc without forcing a GC, as a process monitor
// sees it: idle after start; with 100,000 open orders whose addresses the watcher holds; and after
// 10,000 and 200,000 merchant API requests (bench/support/createMerchantTraffic.ts for the mix).
// Goals (issue 12): idle ≤ 90 MB; with the open orders ≤ 200 MB; the 200,000 figure within 20 MB
// of the 10,000 one.
// Usage: npx tsx bench/memory.ts [--command "node packages/gateway/bin/kassa.js"] [--orders 100000]
//        [--requests 200000] [--first 10000] [--connections 16] [--log-level info] [--idle-only]
//        [--later 60]  (seconds after settling for the "later" rows: V8's memory reducer shrinks an
//        idle heap some seconds after the allocation stops, which the settled reading comes before)
// V8 flags or environment an operator sets go in --command, e.g. the small-machine option of
// docs/operations.md: "node --optimize-for-size packages/gateway/bin/kassa.js".
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { startAnvil } from '../packages/gateway/src/adapters/chains/evm/startAnvil.ts';
import { getFreePort } from '../packages/gateway/test/support/getFreePort.ts';
import { createMerchantTraffic } from './support/createMerchantTraffic.ts';
import { describeMachine } from './support/describeMachine.ts';
import { prepareServeData, SERVE_NETWORK_KEY, type ServeData } from './support/prepareServeData.ts';
import { type ProcessMemory, readProcessMemory, waitForSettledMemory } from './support/readProcessMemory.ts';
import { type KassaServeProcess, spawnKassaServe } from './support/spawnKassaServe.ts';

const KASSA_BIN = fileURLToPath(new URL('../packages/gateway/bin/kassa.js', import.meta.url));
const { values } = parseArgs({
  options: {
    command: { type: 'string', default: `node ${KASSA_BIN}` },
    orders: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '200000' },
    first: { type: 'string', default: '10000' },
    connections: { type: 'string', default: '16' },
    'log-level': { type: 'string', default: 'info' },
    // Only the idle row: a quick check while cutting start-up memory.
    'idle-only': { type: 'boolean', default: false },
    later: { type: 'string', default: '60' },
  },
});
const command = values.command.split(' ').filter((part) => part !== '');
const OPEN_ORDERS = Number(values.orders);
const REQUESTS = Number(values.requests);
const FIRST_REQUESTS = Number(values.first);
const CONNECTIONS = Number(values.connections);
const MIB = 2 ** 20;
const LATER_SECONDS = Number(values.later);
/** The whole run stops by itself after this long, whatever the server does. */
const DEADLINE_MS = 40 * 60_000;

type Row = { readonly label: string; readonly memory: ProcessMemory; readonly goal: string };

console.log(`memory benchmark — ${describeMachine()}`);
console.log(`command: ${command.join(' ')} serve --config <temp>/kassa.json`);
const anvil = await startAnvil();
const running = new Set<{ server: KassaServeProcess; data: ServeData }>();
const deadline = setTimeout(() => {
  console.error('memory: deadline reached, stopping');
  void Promise.all([...running].map(({ server }) => server.stop())).finally(() => process.exit(1));
}, DEADLINE_MS);
deadline.unref();

try {
  const rows: Row[] = [];
  const record = (row: Row) => {
    rows.push(row);
    console.log(`${row.label}: RSS ${(row.memory.rssBytes / 1e6).toFixed(1)} MB`);
  };
  await withServer(0, async (server) => {
    console.log(`idle: /healthz answered ${Math.round(server.startMs)} ms after spawn`);
    record({ label: 'idle, after start + settle', memory: await waitForSettledMemory(server.pid), goal: '≤ 90 MB' });
    record({ label: `idle, ${LATER_SECONDS} s later`, memory: await readLater(server.pid), goal: '≤ 90 MB' });
  });
  if (!values['idle-only']) await withLoadedServer(record);
  printTable(rows);
} finally {
  await Promise.all([...running].map(({ server }) => server.stop()));
  await anvil.stop();
}

/** The open-orders row and the two traffic rows, on one server. */
async function withLoadedServer(record: (row: Row) => void): Promise<void> {
  await withServer(OPEN_ORDERS, async (server, data) => {
    await waitForWatcherPass(data.databaseFile, server);
    record({
      label: `${OPEN_ORDERS.toLocaleString('en')} open orders watched`,
      memory: await waitForSettledMemory(server.pid),
      goal: '≤ 200 MB',
    });
    record({
      label: `${OPEN_ORDERS.toLocaleString('en')} open orders watched, ${LATER_SECONDS} s later`,
      memory: await readLater(server.pid),
      goal: '≤ 200 MB',
    });
    const traffic = createMerchantTraffic(server.url, data, CONNECTIONS);
    try {
      const first = await traffic.run(FIRST_REQUESTS);
      report(FIRST_REQUESTS, first);
      const afterFirst = await waitForSettledMemory(server.pid);
      record({ label: `+ ${FIRST_REQUESTS.toLocaleString('en')} API requests`, memory: afterFirst, goal: '' });
      const rest = await traffic.run(REQUESTS - FIRST_REQUESTS);
      report(REQUESTS - FIRST_REQUESTS, rest);
      const afterAll = await waitForSettledMemory(server.pid);
      const growth = (afterAll.rssBytes - afterFirst.rssBytes) / 1e6;
      record({
        label: `+ ${REQUESTS.toLocaleString('en')} API requests`,
        memory: afterAll,
        goal: `≤ +20 MB over the ${FIRST_REQUESTS.toLocaleString('en')} row (${growth >= 0 ? '+' : ''}${growth.toFixed(1)})`,
      });
      console.log(`mix: ${[...traffic.counts].map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
    } finally {
      await traffic.close();
    }
  });
}

/** Prepares a data dir with `openOrders`, serves it for `use`, then stops the server and removes the dir. */
async function withServer(
  openOrders: number,
  use: (server: KassaServeProcess, data: ServeData) => Promise<void>,
): Promise<void> {
  const port = await getFreePort();
  const seedStartedAt = performance.now();
  const data = await prepareServeData({
    rpcUrl: anvil.rpcUrl,
    chainId: anvil.chainId,
    port,
    openOrders,
    logLevel: values['log-level'],
  });
  if (openOrders > 0)
    console.log(
      `seeded ${openOrders.toLocaleString('en')} open orders in ${Math.round(performance.now() - seedStartedAt)} ms`,
    );
  const server = await spawnKassaServe(command, data.configFile, port, data.env);
  const entry = { server, data };
  running.add(entry);
  try {
    await use(server, data);
  } finally {
    running.delete(entry);
    await server.stop();
    data.remove();
  }
}

/**
 * Waits for the watcher's first cursor write: it loads every watched address before it scans its
 * first range, so from then on the addresses are in memory.
 */
async function waitForWatcherPass(databaseFile: string, server: KassaServeProcess): Promise<void> {
  const startedAt = performance.now();
  const db = new SQLite(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const cursor = db.prepare('select next_block from chain_cursors where network_key = ?');
    for (;;) {
      if (cursor.get(SERVE_NETWORK_KEY) !== undefined) break;
      if (performance.now() - startedAt > 120_000)
        throw new Error(`the watcher never scanned:\n${server.outputTail()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    db.close();
  }
  console.log(`watcher: first range committed ${Math.round(performance.now() - startedAt)} ms after /healthz`);
}

/** The RSS `LATER_SECONDS` after the last reading, the server left alone meanwhile. */
async function readLater(pid: number): Promise<ProcessMemory> {
  await new Promise((resolve) => setTimeout(resolve, LATER_SECONDS * 1000));
  return readProcessMemory(pid);
}

function report(total: number, { seconds, failures }: { seconds: number; failures: number }): void {
  console.log(
    `${total.toLocaleString('en')} requests in ${seconds.toFixed(1)} s (${Math.round(total / seconds)}/s), ${failures} without an answer`,
  );
}

function printTable(rows: readonly Row[]): void {
  const mib = (bytes: number) => (bytes / MIB).toFixed(1);
  console.log('\nThe server process (and any children), no GC forced; MB = 10^6 bytes, the rest in MiB');
  console.log('| after | RSS MB | goal | RSS MiB | RSS anon | RSS file | peak RSS |');
  console.log('|---|---:|---|---:|---:|---:|---:|');
  for (const { label, memory: m, goal } of rows) {
    console.log(
      `| ${label} | ${(m.rssBytes / 1e6).toFixed(1)} | ${goal} | ${mib(m.rssBytes)} | ${mib(m.rssAnonBytes)} | ${mib(m.rssFileBytes)} | ${mib(m.rssPeakBytes)} |`,
    );
  }
}
