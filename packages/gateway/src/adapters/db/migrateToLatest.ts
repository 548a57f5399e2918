import { type Kysely, sql } from 'kysely';
import type { KassaDb } from './createDb.ts';
import type { SqlDialectName } from './dialect/KassaDialect.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { KassaMigration } from './migrations/KassaMigration.ts';
import type { Database } from './schema.ts';

export type MigrateResult = { readonly applied: readonly string[] };

/**
 * Applies every pending migration in one transaction, so a crash leaves the schema as it was.
 * Processes starting together queue on the dialect's migration lock (an advisory lock per schema on
 * PostgreSQL; SQLite's write lock) instead of racing.
 *
 * Why not Kysely's Migrator: it introspects every schema of the database to find its tables, which
 * fails when another schema is dropped at that moment (PostgreSQL error 3F000) and picks up other
 * schemas' tables; a table of our own in the current schema needs neither.
 */
export async function migrateToLatest(
  { db, dialect }: KassaDb,
  migrations: readonly KassaMigration[] = MIGRATIONS,
): Promise<MigrateResult> {
  return dialect.withMigrationLock(db, (locked) => applyPending(locked, dialect.name, migrations));
}

async function applyPending(
  db: Kysely<Database>,
  dialect: SqlDialectName,
  migrations: readonly KassaMigration[],
): Promise<MigrateResult> {
  await sql`create table if not exists kassa_migrations (name text primary key, applied_at bigint not null)`.execute(
    db,
  );
  const done = new Set(
    (await sql<{ name: string }>`select name from kassa_migrations`.execute(db)).rows.map((row) => row.name),
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.name)) continue;
    await migration.up(db as unknown as Kysely<unknown>, dialect);
    await sql`insert into kassa_migrations (name, applied_at) values (${migration.name}, ${Date.now()})`.execute(db);
    applied.push(migration.name);
  }
  return { applied };
}
