import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createDb, type KassaDb } from '../../packages/gateway/src/adapters/db/createDb.ts';
import { migrateToLatest } from '../../packages/gateway/src/adapters/db/migrateToLatest.ts';

export type BenchDatabase = {
  readonly kassaDb: KassaDb;
  /** Drops the PostgreSQL schema or deletes the SQLite file, and closes the database. */
  close(): Promise<void>;
};

/**
 * A migrated, empty database for one benchmark run: SQLite in a temporary directory, or, given a
 * PostgreSQL URL, a schema of its own there (so a run never touches other data).
 */
export async function openBenchDatabase(databaseUrl: string | undefined, name: string): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `kassa-bench-${name}-`));
  const pgSchema = `bench_${process.pid}`;
  const kassaDb = createDb(
    databaseUrl === undefined ? { url: path.join(dataDir, 'kassa.sqlite') } : { url: databaseUrl, pgSchema },
  );
  const close = async () => {
    if (kassaDb.dialect.name === 'postgres')
      await sql`drop schema if exists ${sql.id(pgSchema)} cascade`.execute(kassaDb.db);
    await kassaDb.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (kassaDb.dialect.name === 'postgres')
      await sql`create schema if not exists ${sql.id(pgSchema)}`.execute(kassaDb.db);
    await migrateToLatest(kassaDb);
  } catch (error) {
    await close();
    throw error;
  }
  return { kassaDb, close };
}
