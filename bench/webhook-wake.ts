// Webhook wake-up latency: from a payment's transaction committing (its webhook written in it, as
// the watcher writes it) to the webhook's request reaching a merchant endpoint on loopback. Measured
// in one run with the dispatcher woken by the commit and with polling alone (the baseline), on
// SQLite and, given a PostgreSQL URL, on PostgreSQL, where a dispatcher on a second connection pool
// (as in another process) is woken by LISTEN/NOTIFY. Goal with wake-ups: p50 ≤ 10 ms.
// Usage: npx tsx bench/webhook-wake.ts [--events 200] [--gap-ms 20] [--poll-ms 200] [--database postgres://…]
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createSecretBox } from '../packages/gateway/src/adapters/crypto/createSecretBox.ts';
import { createDb } from '../packages/gateway/src/adapters/db/createDb.ts';
import { createStore } from '../packages/gateway/src/adapters/db/createStore.ts';
import { createRandomIdSource } from '../packages/gateway/src/adapters/system/createRandomIdSource.ts';
import { createSystemClock } from '../packages/gateway/src/adapters/system/createSystemClock.ts';
import { createWebhookSender } from '../packages/gateway/src/adapters/webhooks/createWebhookSender.ts';
import { createApp } from '../packages/gateway/src/app/createApp.ts';
import { enqueuePaymentWebhooks } from '../packages/gateway/src/app/enqueuePaymentWebhooks.ts';
import { loadConfig } from '../packages/gateway/src/config/loadConfig.ts';
import type { App } from '../packages/gateway/src/core/App.ts';
import { startWebhookDispatcher } from '../packages/gateway/src/workers/startWebhookDispatcher.ts';
import { buildPaidOrder } from '../packages/gateway/test/support/buildPaidOrder.ts';
import { describeMachine } from './support/describeMachine.ts';
import { openBenchDatabase } from './support/openBenchDatabase.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '200' },
    'gap-ms': { type: 'string', default: '20' },
    'poll-ms': { type: 'string', default: '200' },
    database: { type: 'string' },
  },
});
const EVENTS = Number(values.events);
const GAP_MS = Number(values['gap-ms']);
const POLL_MS = Number(values['poll-ms']);
const GOAL_P50_MS = 10;

type Mode = 'wake' | 'notify' | 'polling';
const MODE_LABELS: Readonly<Record<Mode, string>> = {
  wake: 'woken in-process',
  notify: 'woken by NOTIFY (2nd pool)',
  polling: `polling every ${POLL_MS} ms`,
};

/** A loopback endpoint noting when each payment's webhook request began, by `record_id`. */
async function startReceiver() {
  const arrivedAtMs = new Map<string, number>();
  const server = createServer((request, response) => {
    const atMs = performance.now();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { record_id } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { record_id: string };
      if (!arrivedAtMs.has(record_id)) arrivedAtMs.set(record_id, atMs);
      response.writeHead(200, { 'content-type': 'text/plain' }).end('success');
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kassa/webhook`;
  const stop = (): void => {
    server.closeAllConnections();
    server.close();
  };
  return { url, arrivedAtMs, stop };
}

/** Commits `events` payments' webhooks at random gaps; resolves to each one's commit → request start (ms). */
async function measure(databaseUrl: string | undefined, mode: Mode, events = EVENTS): Promise<number[]> {
  const bench = await openBenchDatabase(databaseUrl, 'webhook-wake');
  const receiver = await startReceiver();
  const controller = new AbortController();
  const secretBox = createSecretBox(randomBytes(32));
  // Another pool on the same schema, as another process has: only NOTIFY can wake its dispatcher.
  const dispatcherDb =
    mode === 'notify' ? createDb({ url: databaseUrl ?? '', pgSchema: `bench_${process.pid}` }) : null;
  try {
    const store = createStore(bench.kassaDb, secretBox);
    const clock = createSystemClock();
    const ids = createRandomIdSource(clock);
    const { appId } = await createApp({ store, clock, ids }, { name: 'Bench', webhookUrl: null });
    const app = (await store.apps.findApp(appId)) as App;
    const done = startWebhookDispatcher(
      {
        config: CONFIG,
        clock,
        store: dispatcherDb === null ? store : createStore(dispatcherDb, secretBox),
        webhookSender: createWebhookSender(CONFIG.webhooks),
      },
      { signal: controller.signal, owner: 'bench', pollIntervalMs: POLL_MS, wakeOnCommit: mode !== 'polling' },
    );
    await sleep(300); // the dispatcher's first scan, and on PostgreSQL its LISTEN
    const committedAtMs = new Map<string, number>();
    for (let n = 1; n <= events; n++) {
      await sleep(Math.random() * 2 * GAP_MS);
      const nowMs = clock.now();
      const built = buildPaidOrder({ n, appId, nowMs, notifyUrl: receiver.url });
      const orderStatus = { funds: 'full', isOverdue: false } as const;
      await store.transaction((tx) => enqueuePaymentWebhooks({ tx, ids }, { app, ...built, orderStatus, nowMs }));
      committedAtMs.set(built.payment.recordId, performance.now());
    }
    while (receiver.arrivedAtMs.size < events) await sleep(10);
    controller.abort();
    await done;
    return [...committedAtMs].map(([recordId, atMs]) => (receiver.arrivedAtMs.get(recordId) ?? Number.NaN) - atMs);
  } finally {
    controller.abort();
    receiver.stop();
    await dispatcherDb?.close();
    await bench.close();
  }
}

/** The percentiles of a run as table cells: p50, p90, p99, max. */
function describe(latencies: readonly number[]): { p50: number; cells: string } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), cells: [0.5, 0.9, 0.99, 1].map((q) => at(q).toFixed(1)).join(' | ') };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main(): Promise<void> {
  console.log(`machine: ${describeMachine()}`);
  console.log(
    `${EVENTS} payments committed one at a time, gaps 0–${2 * GAP_MS} ms; ` +
      'latency = transaction committed → webhook request began at a loopback endpoint (ms)',
  );
  const runs: [string, string | undefined, Mode[]][] = [['SQLite', undefined, ['wake', 'polling']]];
  if (values.database !== undefined) runs.push(['PostgreSQL', values.database, ['wake', 'notify', 'polling']]);
  const rows = ['| database | dispatcher | p50 | p90 | p99 | max |', '|---|---|---:|---:|---:|---:|'];
  const verdicts: string[] = [];
  for (const [label, url, modes] of runs) {
    await measure(url, 'wake', 30); // warm-up: JIT, connections
    for (const mode of modes) {
      const { p50, cells } = describe(await measure(url, mode));
      rows.push(`| ${label} | ${MODE_LABELS[mode]} | ${cells} |`);
      if (mode === 'polling') continue;
      verdicts.push(
        `${label}, ${MODE_LABELS[mode]}: p50 ${p50.toFixed(1)} ms — ${p50 <= GOAL_P50_MS ? 'met' : 'NOT met'}`,
      );
    }
  }
  console.log(`\n${rows.join('\n')}\n\ngoal: commit → webhook request p50 ≤ ${GOAL_P50_MS} ms`);
  for (const verdict of verdicts) console.log(verdict);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'kassa-bench-webhook-wake-'));
const CONFIG = loadConfig({ mode: 'dev', env: { KASSA_DATA_DIR: dataDir, KASSA_LOG_LEVEL: 'silent' } });
try {
  await main();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
