import { sql } from 'kysely';
import { createOrderWriter } from '../orders/createOrderWriter.ts';
import { createPostgresLeaderLock } from './createPostgresLeaderLock.ts';
import type { KassaDialect } from './KassaDialect.ts';

export type CreatePostgresDialectParameters = {
  /** The database URL: the leader lock opens its own connection to it. */
  readonly url: string;
  readonly pgSchema: string | undefined;
};

/**
 * PostgreSQL: writers in several processes at once, so rows are locked (`FOR UPDATE`), leases skip
 * rows another dispatcher holds (`SKIP LOCKED`) and leader and migration locks are advisory locks,
 * each per schema.
 */
export function createPostgresDialect({ url, pgSchema }: CreatePostgresDialectParameters): KassaDialect {
  return {
    name: 'postgres',
    async lockRowsForUpdate(db, select) {
      await sql`${select} for update`.execute(db);
    },
    skipLocked: sql`for update skip locked`,
    // The outer condition is checked again after the lock, so a row leased meanwhile is left alone.
    leaseTarget: ({ table, key, keys, column, value }) =>
      sql`${sql.ref(key)} in (select ${sql.ref(key)} from ${sql.table(table)} where ${sql.ref(key)} in (${sql.join([...keys])}) for update skip locked) and ${sql.ref(column)} = ${sql.lit(value)}`,
    createLeaderLock: ({ retryMs = 2_000, heartbeatMs = 5_000 } = {}) =>
      createPostgresLeaderLock({ url, pgSchema, retryMs, heartbeatMs }),
    withMigrationLock: (db, work) =>
      db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(current_schema() || ':kassa_migrations'))`.execute(trx);
        return work(trx);
      }),
    // Every connection of the pool commits in parallel, and one failed statement would abort a
    // shared transaction: no group commit here.
    createBatchingOrderWriter: (db) => createOrderWriter(db),
  };
}
