// Runs a real Kassa gateway (SQLite, temporary data dir) for bench/hostile-memory.ts in its own process,
// so the load generator's memory is not counted. Started with --expose-gc and an IPC channel: prints one
// JSON line {url, appId, appSecret} when it listens, then answers {type: 'memory'} messages with its
// memory after a full GC, and {type: 'snapshot', file} by writing a V8 heap snapshot there.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { createApp } from '../../packages/gateway/src/app/createApp.ts';
import { loadConfig } from '../../packages/gateway/src/config/loadConfig.ts';
import { createGateway } from '../../packages/gateway/src/main.ts';

export type MemoryReport = {
  /** As a process monitor sees it between requests: garbage not yet collected included. */
  readonly rssBeforeGcBytes: number;
  /** The highest RSS so far (VmHWM). */
  readonly rssPeakBytes: number;
  readonly rssBytes: number;
  /** Anonymous memory: the JS heap, native allocations (SQLite's page cache, buffers). */
  readonly rssAnonBytes: number;
  /** File-backed pages mapped in: the code, and SQLite's memory-mapped database reads. */
  readonly rssFileBytes: number;
  readonly heapUsedBytes: number;
  readonly heapTotalBytes: number;
  readonly externalBytes: number;
  readonly arrayBuffersBytes: number;
  readonly databaseBytes: number;
};

const dataDir = mkdtempSync(path.join(tmpdir(), 'kassa-bench-memory-'));
const configFile = path.join(dataDir, 'bench-config.json');
// The IP budget stays on (its map is one of the things measured); the per-app budget would answer
// the signed part of the load with `rate_limited` before it reaches the database.
writeFileSync(configFile, JSON.stringify({ server: { appRequestsPerMinute: 0 } }));
const config = loadConfig({
  mode: 'dev',
  configFile,
  env: { KASSA_DATA_DIR: dataDir, KASSA_HOST: '127.0.0.1', KASSA_PORT: '0', KASSA_LOG_LEVEL: 'warn' },
});
const gateway = await createGateway(config, { logger: { level: 'warn' } });
const url = await gateway.listen();
const { appId, appSecret } = await createApp(gateway.deps, { name: 'bench', webhookUrl: null });
process.stdout.write(`${JSON.stringify({ url, appId, appSecret })}\n`);

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('start this script with node --expose-gc');

function readMemory(): MemoryReport {
  const rssBeforeGcBytes = process.memoryUsage.rss();
  // Twice: the first pass may only finalize what the second frees.
  gc?.();
  gc?.();
  const status = readFileSync('/proc/self/status', 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 'NaN') * 1024;
  const usage = process.memoryUsage();
  const database = path.join(dataDir, 'kassa.sqlite');
  let databaseBytes = 0;
  for (const file of [database, `${database}-wal`]) {
    try {
      databaseBytes += readFileSync(file).byteLength;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return {
    rssBeforeGcBytes,
    rssPeakBytes: kib('VmHWM'),
    rssBytes: usage.rss,
    rssAnonBytes: kib('RssAnon'),
    rssFileBytes: kib('RssFile'),
    heapUsedBytes: usage.heapUsed,
    heapTotalBytes: usage.heapTotal,
    externalBytes: usage.external,
    arrayBuffersBytes: usage.arrayBuffers,
    databaseBytes,
  };
}

process.on('message', (message: { type: 'memory' } | { type: 'snapshot'; file: string }) => {
  if (message.type === 'memory') process.send?.({ type: 'memory', report: readMemory() });
  else process.send?.({ type: 'snapshot', file: writeHeapSnapshot(message.file) });
});

const stop = async () => {
  await gateway.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
