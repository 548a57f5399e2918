import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createDb } from '../../packages/gateway/src/adapters/db/createDb.ts';
import { migrateToLatest } from '../../packages/gateway/src/adapters/db/migrateToLatest.ts';
import { seedConsoleData } from './seedConsoleData.ts';

/** A filled database for the console benchmark, and how the gateway process reaches it. */
export type ConsoleBenchDatabase = {
  readonly dataDir: string;
  readonly databaseUrl: string;
  readonly pgSchema: string | undefined;
  /** When the seeded orders end (order 0 was created then). */
  readonly nowMs: number;
  /** Seconds the seeding took; null when kept data was reused. */
  readonly seedSeconds: number | null;
  /** Deletes the data dir and drops the schema, unless they are kept. */
  dispose(): Promise<void>;
};

/**
 * Makes (or, with `keepDir`, reuses) a migrated database of `count` seeded orders: SQLite in a data
 * dir, or a schema of its own on the PostgreSQL at `pgUrl`. Kept data is marked seeded only once
 * the seeding finished, so an interrupted run seeds again.
 */
export async function prepareConsoleDatabase(p: {
  readonly database: 'sqlite' | 'postgres';
  readonly count: number;
  readonly pgUrl: string;
  readonly keepDir: string | undefined;
}): Promise<ConsoleBenchDatabase> {
  const dataDir =
    p.keepDir === undefined
      ? mkdtempSync(path.join(tmpdir(), 'kassa-console-bench-'))
      : path.resolve(p.keepDir, `console-${p.database}-${p.count}`);
  mkdirSync(dataDir, { recursive: true });
  const infoFile = path.join(dataDir, 'seeded.json');
  const kept = existsSync(infoFile) ? (JSON.parse(readFileSync(infoFile, 'utf8')) as { nowMs: number }) : undefined;
  const pgSchema =
    p.database === 'postgres' ? `kassa_console_bench_${p.keepDir === undefined ? process.pid : p.count}` : undefined;
  const databaseUrl = p.database === 'postgres' ? p.pgUrl : path.join(dataDir, 'kassa.sqlite');
  const kassaDb = createDb({ url: databaseUrl, ...(pgSchema === undefined ? {} : { pgSchema }) });
  let seedSeconds: number | null = null;
  const nowMs = kept?.nowMs ?? Date.now();
  try {
    if (kept === undefined) {
      if (pgSchema !== undefined) {
        await sql`drop schema if exists ${sql.id(pgSchema)} cascade`.execute(kassaDb.db);
        await sql`create schema ${sql.id(pgSchema)}`.execute(kassaDb.db);
      }
      await migrateToLatest(kassaDb);
      const started = performance.now();
      await seedConsoleData(kassaDb, p.count, nowMs);
      seedSeconds = (performance.now() - started) / 1000;
      if (p.keepDir !== undefined) writeFileSync(infoFile, JSON.stringify({ nowMs }));
    }
  } finally {
    await kassaDb.close();
  }
  return {
    dataDir,
    databaseUrl,
    pgSchema,
    nowMs,
    seedSeconds,
    async dispose() {
      if (p.keepDir !== undefined) return;
      if (pgSchema !== undefined) {
        const admin = createDb({ url: p.pgUrl });
        await sql`drop schema if exists ${sql.id(pgSchema)} cascade`.execute(admin.db);
        await admin.close();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
