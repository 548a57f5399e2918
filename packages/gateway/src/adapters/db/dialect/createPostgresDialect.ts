import { sql } from 'kysely';
import { createBatchedBillWriter } from '../bills/createBatchedBillWriter.ts';
import { createBatchedIndexAllocator } from '../bills/createBatchedIndexAllocator.ts';
import { createBatchedOrderWriter } from '../orders/createBatchedOrderWriter.ts';
import { createPostgresLeaseLock } from './createPostgresLeaseLock.ts';
import type { KassaDialect } from './KassaDialect.ts';
import { DUE_DELIVERIES_CHANNEL, listenForPostgresDueDeliveries } from './listenForPostgresDueDeliveries.ts';

const DEFAULT_LEASE_TTL_MS = 5_000;

export type CreatePostgresDialectParameters = {
  /** The database URL: the leader lock opens its own connection to it. */
  readonly url: string;
  readonly pgSchema: string | undefined;
};

/**
 * PostgreSQL: writers in several processes at once, so rows are locked (`FOR UPDATE`), leases skip
 * rows another dispatcher holds (`SKIP LOCKED`), leaders hold lease rows that lapse unless renewed
 * (`createPostgresLeaseLock`), and the migration lock is an advisory lock, each per schema.
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
    createLeaderLock: ({ ttlMs = DEFAULT_LEASE_TTL_MS, retryMs = Math.min(1_000, ttlMs / 5) } = {}) =>
      createPostgresLeaseLock({ url, pgSchema, ttlMs, retryMs }),
    nowMs: sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`,
    withMigrationLock: (db, work) =>
      db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(current_schema() || ':kassa_migrations'))`.execute(trx);
        return work(trx);
      }),
    // Concurrent inserts share one multi-row INSERT and its commit; a failed batch is retried row by row.
    createBatchingOrderWriter: (db) => createBatchedOrderWriter(db),
    createBatchingBillWriter: (db) => createBatchedBillWriter(db),
    createBatchingIndexAllocator: (db) => createBatchedIndexAllocator(db),
    // NOTIFY inside a transaction is held back until it commits: a woken dispatcher finds the rows.
    // The schema goes in the payload so that installations sharing a database skip each other's.
    async notifyDueDeliveries(db, source) {
      await sql`select pg_notify(${DUE_DELIVERIES_CHANNEL}, current_schema() || '/' || ${source})`.execute(db);
    },
    listenForDueDeliveries: (parameters) => listenForPostgresDueDeliveries({ ...parameters, url, pgSchema }),
  };
}
