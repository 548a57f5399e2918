import { type Kysely, sql } from 'kysely';
import type { KassaDb } from './createDb.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { KassaMigration, SqlDialectName } from './migrations/KassaMigration.ts';
import type { Database } from './schema.ts';

export type MigrateResult = { readonly applied: readonly string[] };

/**
 * Applies every pending migration in one transaction, so a crash leaves the schema as it was.
 * Processes starting together queue on a lock (an advisory lock per schema on PostgreSQL; SQLite's
 * write lock) instead of racing.
 *
 * Why not Kysely's Migrator: it introspects every schema of the database to find its tables, which
 * fails when another schema is dropped at that moment (PostgreSQL error 3F000) and picks up other
 * schemas' tables; a table of our own in the current schema needs neither.
 */
export async function migrateToLatest(
  kassaDb: KassaDb,
  migrations: readonly KassaMigration[] = MIGRATIONS,
): Promise<MigrateResult> {
  const { db, dialect } = kassaDb;
  if (dialect === 'postgres') {
    return db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(current_schema() || ':kassa_migrations'))`.execute(trx);
      return applyPending(trx, dialect, migrations);
    });
  }
  // SQLite: BEGIN IMMEDIATE takes the write lock up front (waiting up to busy_timeout for another
  // process), where a deferred transaction would fail with SQLITE_BUSY when it starts writing.
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await applyPending(conn, dialect, migrations);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
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
