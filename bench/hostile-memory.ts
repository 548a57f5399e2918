// Memory of a gateway under hostile merchant-API and checkout traffic: random app ids, bad and missing
// signatures, random bodies, random merchant_order_ids, random paths under /ccpayment/v1/ and
// /pay/<random token>/…, the checkout part from ever new source addresses (127.0.0.0/8). Measures the
// server (its own process) after a full GC: after a warm-up, after one hostile round, after a second.
// Goal: the second round adds nothing that grows with distinct attacker-chosen keys (a bounded cache
// fills once, in the first round).
// Usage: npx tsx bench/hostile-memory.ts [--requests 100000] [--connections 16] [--snapshot-dir DIR]
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sign } from '@kassa/sdk';
import { Client, Pool } from 'undici';
import { describeMachine } from './support/describeMachine.ts';
import type { MemoryReport } from './support/serveKassaWithMemoryReport.ts';

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

type ServerInfo = { url: string; appId: string; appSecret: string };

const server = await startMeasuredServer();
const deadline = setTimeout(() => {
  console.error('hostile-memory: deadline reached, stopping');
  server.child.kill('SIGTERM');
  process.exit(1);
}, DEADLINE_MS);
deadline.unref();

const { url, appId, appSecret } = server.info;
const pool = new Pool(url, { connections });
const MERCHANT_PATHS = ['concise/url/get', 'bill/create', 'bill/info', 'webhook/resend', 'coin/all', 'token/chain'];
let sourceAddress = 0;
const counts = new Map<string, number>();

const randomText = (maxLength: number) =>
  randomBytes(Math.ceil(maxLength * 0.75) + 1)
    .toString('base64url')
    .slice(0, randomInt(1, maxLength + 1));
const nowSeconds = () => String(Math.floor(Date.now() / 1000));
const randomBody = (): string => {
  switch (randomInt(4)) {
    case 0:
      // Up to the default 64 KiB body limit and a little past it.
      return randomBytes(randomInt(1, 70_000)).toString('latin1');
    case 1:
      return JSON.stringify({ merchant_order_id: randomText(128), product_price: String(randomInt(1, 10_000)) });
    case 2:
      return JSON.stringify({ [randomText(40)]: randomText(200), merchant_order_ids: [randomText(128)] });
    default:
      return '';
  }
};
const signedHeaders = (body: string) => {
  const timestamp = nowSeconds();
  return { appid: appId, timestamp, sign: sign({ appId, appSecret, timestamp, body }) };
};

/** One hostile request, chosen at random; resolves to the kind sent. */
async function sendHostileRequest(): Promise<string> {
  const kind = pickKind();
  counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const post = (path: string, body: string, headers: Record<string, string>) =>
    pool.request({ method: 'POST', path, body, headers: { 'content-type': 'application/json', ...headers } });
  let response: Awaited<ReturnType<Pool['request']>>;
  switch (kind) {
    case 'unknown app id': {
      const body = randomBody();
      const path = `/ccpayment/v1/${MERCHANT_PATHS[randomInt(MERCHANT_PATHS.length)]}`;
      response = await post(path, body, { appid: randomText(64), timestamp: nowSeconds(), sign: randomHex(64) });
      break;
    }
    case 'bad signature':
      response = await post('/ccpayment/v1/bill/info', randomBody(), {
        appid: appId,
        timestamp: nowSeconds(),
        sign: randomHex(64),
      });
      break;
    case 'missing headers':
      response = await post('/ccpayment/v1/concise/url/get', randomBody(), { appid: randomText(80) });
      break;
    case 'random merchant path':
      response = await post(`/ccpayment/v1/${randomText(60)}/${randomText(30)}`, randomBody(), {
        appid: randomText(64),
        timestamp: nowSeconds(),
        sign: randomHex(64),
      });
      break;
    case 'signed random body': {
      const body = randomBody();
      response = await post(`/ccpayment/v1/${MERCHANT_PATHS[randomInt(MERCHANT_PATHS.length)]}`, body, {
        ...signedHeaders(body),
      });
      break;
    }
    case 'signed bill/info, random ids': {
      const ids = Array.from({ length: randomInt(1, 101) }, () => randomText(128));
      const body = JSON.stringify({ merchant_order_ids: ids });
      response = await post('/ccpayment/v1/bill/info', body, signedHeaders(body));
      break;
    }
    case 'signed create, random id': {
      const body = JSON.stringify({
        merchant_order_id: randomText(128),
        product_price: `${randomInt(1, 1000)}.${randomInt(10, 100)}`,
        product_name: randomText(64),
      });
      response = await post('/ccpayment/v1/concise/url/get', body, signedHeaders(body));
      break;
    }
    case 'checkout, new source address':
      return sendCheckoutRequest(kind);
    default:
      throw new Error(`unknown kind ${kind}`);
  }
  await response.body.dump();
  return kind;
}

const KINDS = [
  ['unknown app id', 30],
  ['bad signature', 10],
  ['missing headers', 5],
  ['random merchant path', 10],
  ['signed random body', 10],
  ['signed bill/info, random ids', 10],
  ['signed create, random id', 5],
  ['checkout, new source address', 20],
] as const;
const TOTAL_WEIGHT = KINDS.reduce((sum, [, weight]) => sum + weight, 0);
function pickKind(): string {
  let pick = randomInt(TOTAL_WEIGHT);
  for (const [kind, weight] of KINDS) {
    if (pick < weight) return kind;
    pick -= weight;
  }
  throw new Error('unreachable');
}

function randomHex(length: number): string {
  return randomBytes(length / 2).toString('hex');
}

/** A checkout page request over its own connection from the next address of 127.16.0.0/12. */
async function sendCheckoutRequest(kind: string): Promise<string> {
  sourceAddress = (sourceAddress + 1) % 2 ** 20;
  const localAddress = `127.${16 + (sourceAddress >> 16)}.${(sourceAddress >> 8) & 255}.${sourceAddress & 255}`;
  const client = new Client(url, { localAddress });
  const token = randomText(64);
  const [method, path] = (
    [
      ['GET', `/pay/${token}`],
      ['GET', `/pay/${token}/status.json`],
      ['GET', `/pay/${token}/events`],
      ['POST', `/pay/${token}/select`],
      ['GET', `/pay/${randomText(20)}/${randomText(20)}`],
    ] as const
  )[randomInt(5)] as readonly [string, string];
  try {
    const response = await client.request({
      method: method as 'GET' | 'POST',
      path,
      // What browsers and fetch() send: the 404 page is compressed like any other.
      headers: {
        'accept-encoding': 'gzip, deflate, br',
        ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(method === 'POST' ? { body: `token_id=${randomText(30)}` } : {}),
    });
    await response.body.dump();
  } finally {
    await client.close();
  }
  return kind;
}

async function runRound(total: number): Promise<{ seconds: number; failures: number }> {
  let started = 0;
  let failures = 0;
  const startedAt = performance.now();
  const worker = async () => {
    while (started < total) {
      started += 1;
      try {
        await sendHostileRequest();
      } catch {
        // A refused or reset connection is a hostile request's likely fate; counted, not fatal.
        failures += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return { seconds: (performance.now() - startedAt) / 1000, failures };
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
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
  await runRound(WARM_UP_REQUESTS);
  rows.push([`warm-up (${WARM_UP_REQUESTS.toLocaleString('en')})`, await server.ask<MemoryReport>({ type: 'memory' })]);
  await snapshot('1-warm');
  for (const round of [1, 2]) {
    const { seconds, failures } = await runRound(requestsPerRound);
    console.log(
      `round ${round}: ${requestsPerRound.toLocaleString('en')} requests in ${seconds.toFixed(1)} s, ${failures} failed`,
    );
    rows.push([
      `+ round ${round} (${requestsPerRound.toLocaleString('en')})`,
      await server.ask<MemoryReport>({ type: 'memory' }),
    ]);
    await snapshot(`${round + 1}-round-${round}`);
  }
  console.log(`mix: ${[...counts].map(([kind, count]) => `${kind} ${count}`).join(', ')}`);
  console.log('\nMiB in the server process; all but the first column after a full GC');
  console.log(
    '| after | peak RSS | RSS before GC | RSS | RSS anon | RSS file | heap used | heap total | external | database file |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [label, m] of rows) {
    console.log(
      `| ${label} | ${mib(m.rssPeakBytes)} | ${mib(m.rssBeforeGcBytes)} | ${mib(m.rssBytes)} | ${mib(m.rssAnonBytes)} | ${mib(m.rssFileBytes)} | ${mib(m.heapUsedBytes)} | ${mib(m.heapTotalBytes)} | ${mib(m.externalBytes)} | ${mib(m.databaseBytes)} |`,
    );
  }
} finally {
  await pool.close();
  await server.stop();
}

/** Starts the gateway under node --expose-gc with an IPC channel, and waits for its hello line. */
async function startMeasuredServer() {
  const script = fileURLToPath(new URL('./support/serveKassaWithMemoryReport.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const info = await new Promise<ServerInfo>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the gateway exited with ${code} before it listened`)));
    lines.once('line', (line) => resolve(JSON.parse(line) as ServerInfo));
  });
  return {
    info,
    child,
    ask<T>(message: { type: 'memory' } | { type: 'snapshot'; file: string }): Promise<T> {
      return new Promise((resolve) => {
        child.once('message', (reply: { report?: T; file?: T }) => resolve((reply.report ?? reply.file) as T));
        child.send(message);
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
