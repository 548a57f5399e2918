// Throughput of concise/url/get against a bare node:http server doing the same essential work
// (SHA-256 verify, JSON parse, one SQLite insert). Goal: Kassa ≥ 0.8× the bare server on SQLite.
// Each connection count runs both servers back to back: Kassa commits the orders of concurrent
// requests together, so its ratio depends on how many requests are in flight.
// The machine is shared and noisy, so each pair runs --rounds times, alternating; medians are reported.
// Usage: npx tsx bench/create-order.ts [--seconds 8] [--rounds 3] [--connections 8,16,32,64] [--postgres]
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createOrderRequest } from './support/createOrderRequest.ts';
import { describeMachine } from './support/describeMachine.ts';
import { processTreeCpuMs } from './support/processTreeCpuMs.ts';
import { startServerProcess } from './support/startServerProcess.ts';

type ServerInfo = { url: string; appId: string; appSecret: string };

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '8,16,32,64' },
    postgres: { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connectionCounts = values.connections.split(',').map(Number);

async function measure(label: string, connections: number, script: string, args: string[] = []) {
  const server = await startServerProcess<ServerInfo>(script, args);
  const { url, appId, appSecret } = server.info;
  let seq = 0;
  const run = (duration: number) =>
    autocannon({
      url,
      connections,
      duration,
      requests: [
        createOrderRequest({
          appId,
          appSecret,
          nextMerchantOrderId: () => `${label}-${process.pid}-${++seq}`,
          contentType: 'application/json; charset=utf-8',
        }),
      ],
    });
  try {
    await run(2); // warm-up: JIT, SQLite page cache, connection pool
    const cpuBefore = processTreeCpuMs(server.pid);
    const result = await run(seconds);
    const cpuAfter = processTreeCpuMs(server.pid);
    if (result.errors > 0 || result.non2xx > 0)
      throw new Error(`${label}: ${result.errors} errors, ${result.non2xx} non-2xx`);
    return {
      label,
      connections,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      total: result.requests.total,
      // The server's own CPU per request: unlike req/s, barely moved by the load generator or by
      // other jobs sharing the cores (PostgreSQL's server processes are not counted).
      cpuUs: cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1000) / result.requests.total,
    };
  } finally {
    await server.stop();
  }
}

type Measured = Awaited<ReturnType<typeof measure>>;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};
/** One table row: the median round of a server, by throughput, and its median CPU per request. */
const summarize = (runs: Measured[], ratios: number[]) => {
  const middle = [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)] as Measured;
  const cpu = runs.flatMap((r) => (r.cpuUs === null ? [] : [r.cpuUs]));
  return {
    ...middle,
    ratio: median(ratios),
    range: runs.map((r) => Math.round(r.rps)).join(' / '),
    cpuUs: cpu.length === 0 ? null : median(cpu),
  };
};

console.log(`create-order benchmark — ${describeMachine()}`);
console.log(
  `autocannon: ${connectionCounts.join(', ')} connections, ${seconds} s per run after a 2 s warm-up, ` +
    `${rounds} alternating rounds; unique order ids`,
);
const rows = [];
const verdicts = [];
for (const connections of connectionCounts) {
  const bare: Measured[] = [];
  const kassa: Measured[] = [];
  const postgres: Measured[] = [];
  for (let round = 0; round < rounds; round++) {
    bare.push(await measure('bare node:http + SQLite', connections, './serveBare.ts'));
    kassa.push(await measure('Kassa on SQLite', connections, './serveKassa.ts', ['sqlite']));
    // PostgreSQL has no goal here: one round, for reference.
    if (values.postgres && round === 0) {
      postgres.push(await measure('Kassa on PostgreSQL', connections, './serveKassa.ts', ['postgres']));
    }
  }
  const ratioOf = (runs: Measured[]) => runs.map((r, i) => r.rps / (bare[i] as Measured).rps);
  const kassaRow = summarize(kassa, ratioOf(kassa));
  rows.push(summarize(bare, ratioOf(bare)), kassaRow);
  if (postgres.length > 0) rows.push(summarize(postgres, ratioOf(postgres)));
  verdicts.push(
    `${connections} connections: ${kassaRow.ratio.toFixed(2)}× — ${kassaRow.ratio >= 0.8 ? 'met' : 'NOT met'}`,
  );
}
console.log('');
console.log(
  '| connections | server | req/s (median) | rounds | p50 ms | p99 ms | × bare (median of rounds) | server CPU µs/request |',
);
console.log('|---:|---|---:|---|---:|---:|---:|---:|');
for (const r of rows) {
  const cpu = r.cpuUs === null ? '–' : Math.round(r.cpuUs);
  console.log(
    `| ${r.connections} | ${r.label} | ${Math.round(r.rps)} | ${r.range} | ${r.p50} | ${r.p99} | ${r.ratio.toFixed(2)} | ${cpu} |`,
  );
}
console.log(`\nKassa/bare on SQLite (goal ≥ 0.80×): ${verdicts.join('; ')}`);
