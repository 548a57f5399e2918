// Throughput of concise/url/get against a bare node:http server doing the same essential work
// (SHA-256 verify, JSON parse, one SQLite insert). Goal: Kassa ≥ 0.8× the bare server on SQLite.
// Each connection count runs both servers back to back: Kassa commits the orders of concurrent
// requests together, so its ratio depends on how many requests are in flight.
// Usage: npx tsx bench/create-order.ts [--seconds 10] [--connections 8,16,32,64] [--postgres]
import { parseArgs } from 'node:util';
import { sign } from '@kassa/sdk';
import autocannon from 'autocannon';
import { describeMachine } from './support/describeMachine.ts';
import { startServerProcess } from './support/startServerProcess.ts';

type ServerInfo = { url: string; appId: string; appSecret: string };

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8,16,32,64' },
    postgres: { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
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
        {
          method: 'POST',
          path: '/ccpayment/v1/concise/url/get',
          setupRequest: (req) => {
            const body = `{"merchant_order_id":"${label}-${process.pid}-${++seq}","product_price":"19.99","product_name":"Bench item"}`;
            const timestamp = String(Math.floor(Date.now() / 1000));
            return {
              ...req,
              body,
              headers: {
                'content-type': 'application/json; charset=utf-8',
                Appid: appId,
                Timestamp: timestamp,
                Sign: sign({ appId, appSecret, timestamp, body }),
              },
            };
          },
        },
      ],
    });
  try {
    await run(2); // warm-up: JIT, SQLite page cache, connection pool
    const result = await run(seconds);
    if (result.errors > 0 || result.non2xx > 0)
      throw new Error(`${label}: ${result.errors} errors, ${result.non2xx} non-2xx`);
    return {
      label,
      connections,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      total: result.requests.total,
    };
  } finally {
    await server.stop();
  }
}

console.log(`create-order benchmark — ${describeMachine()}`);
console.log(
  `autocannon: ${connectionCounts.join(', ')} connections, ${seconds} s per run after a 2 s warm-up; unique order ids`,
);
const rows = [];
const verdicts = [];
for (const connections of connectionCounts) {
  const bare = await measure('bare node:http + SQLite', connections, './serveBare.ts');
  const kassa = await measure('Kassa on SQLite', connections, './serveKassa.ts', ['sqlite']);
  rows.push({ ...bare, ratio: 1 }, { ...kassa, ratio: kassa.rps / bare.rps });
  if (values.postgres) {
    const postgres = await measure('Kassa on PostgreSQL', connections, './serveKassa.ts', ['postgres']);
    rows.push({ ...postgres, ratio: postgres.rps / bare.rps });
  }
  const ratio = kassa.rps / bare.rps;
  verdicts.push(`${connections} connections: ${ratio.toFixed(2)}× — ${ratio >= 0.8 ? 'met' : 'NOT met'}`);
}
console.log('');
console.log('| connections | server | req/s | p50 ms | p99 ms | × bare |');
console.log('|---:|---|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.connections} | ${r.label} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.ratio.toFixed(2)} |`);
}
console.log(`\nKassa/bare on SQLite (goal ≥ 0.80×): ${verdicts.join('; ')}`);
