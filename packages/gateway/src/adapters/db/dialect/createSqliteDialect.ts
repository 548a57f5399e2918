import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { createGroupCommitBillWriter } from '../bills/createGroupCommitBillWriter.ts';
import { createGroupCommitIndexAllocator } from '../bills/createGroupCommitIndexAllocator.ts';
import { createGroupCommitOrderWriter } from '../orders/createGroupCommitOrderWriter.ts';
import { createInProcessLeaderLock } from './createInProcessLeaderLock.ts';
import type { KassaDialect } from './KassaDialect.ts';

/**
 * SQLite: one process, one writer at a time. A transaction that writes excludes every other one,
 * so row locks and skip-locked leasing are nothing, and the leader lock is in-process. `sqlite` is
 * the connection under the Kysely handle, for the group-commit order writer.
 */
export function createSqliteDialect(sqlite: SQLite.Database): KassaDialect {
  return {
    name: 'sqlite',
    lockRowsForUpdate: async () => {
      // Nothing to lock: the transaction that writes first holds the whole database until it ends.
    },
    skipLocked: sql``,
    // `+column` keeps the planner on the primary key; left to itself it walks an index led by the
    // column (deliveries' (state, next_attempt_at)) through every due row to lease a handful.
    leaseTarget: ({ key, keys, column, value }) =>
      sql`${sql.ref(key)} in (${sql.join([...keys])}) and +${sql.ref(column)} = ${sql.lit(value)}`,
    // One process: no other can take a job over, so its leases need no expiry and no fencing.
    createLeaderLock: ({ retryMs = 1_000 } = {}) => createInProcessLeaderLock(retryMs),
    nowMs: sql<number>`cast((julianday('now') - 2440587.5) * 86400000 as integer)`,
    // BEGIN IMMEDIATE takes the write lock up front (waiting up to busy_timeout for another
    // process), where a deferred transaction would fail with SQLITE_BUSY when it starts writing.
    withMigrationLock: (db, work) =>
      db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await work(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          await sql`rollback`.execute(conn);
          throw error;
        }
      }),
    createBatchingOrderWriter: (db) => createGroupCommitOrderWriter(db, sqlite),
    createBatchingBillWriter: (db) => createGroupCommitBillWriter(db, sqlite),
    createBatchingIndexAllocator: (db) => createGroupCommitIndexAllocator(db, sqlite),
    notifyDueDeliveries: async () => {
      // One process writes and dispatches: the store's in-process wake-up is all there is to send.
    },
    listenForDueDeliveries: () => null,
  };
}
