// Runs a real Kassa gateway for a benchmark in its own process, so the load generator does not share
// its event loop. Prints one JSON line {url, appId, appSecret} when it listens.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApp } from '../../packages/gateway/src/app/createApp.ts';
import { loadConfig } from '../../packages/gateway/src/config/loadConfig.ts';
import { createGateway } from '../../packages/gateway/src/main.ts';
import { BENCH_NETWORKS } from './benchNetworks.ts';

const database = process.argv[2] ?? 'sqlite';
// An existing data dir (and its app) may be handed in: bench/order-info.ts fills one with orders first.
const givenDataDir = process.env.KASSA_BENCH_DATA_DIR;
const dataDir = givenDataDir ?? mkdtempSync(path.join(tmpdir(), 'kassa-bench-'));
// A kept schema (bench/order-info.ts --keep) is created if missing and never dropped.
const givenPgSchema = process.env.KASSA_BENCH_PG_SCHEMA;
let pgSchema: string | undefined;
const pgUrl = process.env.KASSA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
if (database === 'postgres') {
  pgSchema = givenPgSchema ?? `kassa_bench_${process.pid}`;
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${pgSchema}`);
  await client.end();
}
// The per-app request limit (60,000 a minute by default) would cut a throughput run short: 0 turns it off.
// The bench network lets bill/create derive deposit addresses.
const configFile = path.join(dataDir, 'bench-config.json');
writeFileSync(configFile, JSON.stringify({ server: { appRequestsPerMinute: 0 }, networks: BENCH_NETWORKS }));
const config = loadConfig({
  mode: 'dev',
  configFile,
  env: {
    KASSA_DATA_DIR: dataDir,
    KASSA_PORT: '0',
    KASSA_LOG_LEVEL: 'warn',
    ...(database === 'postgres' ? { DATABASE_URL: pgUrl } : {}),
  },
});
const gateway = await createGateway(config, {
  logger: { level: 'warn' },
  ...(pgSchema === undefined ? {} : { pgSchema }),
});
const url = await gateway.listen();
const { appId, appSecret } =
  process.env.KASSA_BENCH_APP_ID !== undefined && process.env.KASSA_BENCH_APP_SECRET !== undefined
    ? { appId: process.env.KASSA_BENCH_APP_ID, appSecret: process.env.KASSA_BENCH_APP_SECRET }
    : await createApp(gateway.deps, { name: 'bench', webhookUrl: null });
process.stdout.write(`${JSON.stringify({ url, appId, appSecret, dataDir, pgSchema })}\n`);

const stop = async () => {
  await gateway.close();
  if (pgSchema !== undefined && givenPgSchema === undefined) {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`DROP SCHEMA ${pgSchema} CASCADE`);
    await client.end();
  }
  if (givenDataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
