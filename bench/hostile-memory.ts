// Memory of a gateway under hostile merchant-API and checkout traffic: random app ids, bad and missing
// signatures, random bodies, random merchant_order_ids, random paths under /ccpayment/v1/ and
// /pay/<random token>/…, the checkout part from ever new source addresses (127.0.0.0/8). Measures the
// server (its own process) after a full GC: after a warm-up, after one hostile round, after a second.
// Goal: the second round adds nothing that grows with distinct attacker-chosen keys (a bounded cache
// fills once, in the first round).
// Usage: npx tsx bench/hostile-memory.ts [--requests 100000] [--connections 16] [--snapshot-dir DIR]
import { parseArgs } from 'node:util';
import { createHostileTraffic, type HostileTraffic } from './support/createHostileTraffic.ts';
import { describeMachine } from './support/describeMachine.ts';
import type { MemoryReport } from './support/serveKassaWithMemoryReport.ts';
import { startMeasuredServer } from './support/startMeasuredServer.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '100000' },
    connections: { type: 'string', default: '16' },
    'snapshot-dir': { type: 'string' },
  },
});
const requestsPerRound = Number(values.requests);
const connections = Number(values.connections);
const WARM_UP_REQUESTS = 5000;
/** The whole run stops by itself after this long, whatever the server does. */
const DEADLINE_MS = 15 * 60_000;

const server = await startMeasuredServer();
const deadline = setTimeout(() => {
  console.error('hostile-memory: deadline reached, stopping');
  server.child.kill('SIGTERM');
  process.exit(1);
}, DEADLINE_MS);
deadline.unref();

const traffic = createHostileTraffic(server.info, connections);
const rows: [string, MemoryReport][] = [];
const snapshot = async (label: string) => {
  if (values['snapshot-dir'] !== undefined) {
    const file = await server.ask<string>({
      type: 'snapshot',
      file: `${values['snapshot-dir']}/${label}.heapsnapshot`,
    });
    console.log(`heap snapshot: ${file}`);
  }
};

try {
  console.log(`hostile-memory benchmark — ${describeMachine()}`);
  rows.push(['started', await server.ask<MemoryReport>({ type: 'memory' })]);
  await runRound(traffic, WARM_UP_REQUESTS);
  rows.push([`warm-up (${WARM_UP_REQUESTS.toLocaleString('en')})`, await server.ask<MemoryReport>({ type: 'memory' })]);
  await snapshot('1-warm');
  for (const round of [1, 2]) {
    const { seconds, failures } = await runRound(traffic, requestsPerRound);
    console.log(
      `round ${round}: ${requestsPerRound.toLocaleString('en')} requests in ${seconds.toFixed(1)} s, ${failures} failed`,
    );
    rows.push([
      `+ round ${round} (${requestsPerRound.toLocaleString('en')})`,
      await server.ask<MemoryReport>({ type: 'memory' }),
    ]);
    await snapshot(`${round + 1}-round-${round}`);
  }
  console.log(`mix: ${[...traffic.counts].map(([kind, count]) => `${kind} ${count}`).join(', ')}`);
  printMemoryTable(rows);
} finally {
  await traffic.close();
  await server.stop();
}

/** Sends `total` hostile requests over `connections` parallel senders. */
async function runRound(hostile: HostileTraffic, total: number): Promise<{ seconds: number; failures: number }> {
  let started = 0;
  let failures = 0;
  const startedAt = performance.now();
  const worker = async () => {
    while (started < total) {
      started += 1;
      try {
        await hostile.send();
      } catch {
        // A refused or reset connection is a hostile request's likely fate; counted, not fatal.
        failures += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return { seconds: (performance.now() - startedAt) / 1000, failures };
}

function printMemoryTable(memoryRows: readonly [string, MemoryReport][]): void {
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  console.log('\nMiB in the server process; all but the first column after a full GC');
  console.log(
    '| after | peak RSS | RSS before GC | RSS | RSS anon | RSS file | heap used | heap total | external | database file |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [label, m] of memoryRows) {
    console.log(
      `| ${label} | ${mib(m.rssPeakBytes)} | ${mib(m.rssBeforeGcBytes)} | ${mib(m.rssBytes)} | ${mib(m.rssAnonBytes)} | ${mib(m.rssFileBytes)} | ${mib(m.heapUsedBytes)} | ${mib(m.heapTotalBytes)} | ${mib(m.externalBytes)} | ${mib(m.databaseBytes)} |`,
    );
  }
}
