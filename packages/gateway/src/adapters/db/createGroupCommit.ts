import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Queues writes and commits the ones that arrive together in one transaction. */
export type GroupCommit<I, R> = {
  /** Resolves once the write is committed (or rejects with its own error); never earlier. */
  submit(item: I): Promise<R>;
};

type Pending<I, R> = { readonly item: I; resolve(result: R): void; reject(error: unknown): void };
type Outcome<R> = { readonly ok: true; readonly result: R } | { readonly ok: false; readonly error: unknown };

/**
 * Group commit for SQLite. A SQLite commit appends every page the write touched to the WAL, and
 * for an order row with its four indexes that is most of the insert's cost; the requests that
 * reach the event loop together (everything read in one poll phase) share one transaction
 * instead. Each write still runs as its own statement: one that fails (a constraint) rejects only
 * its own caller, because SQLite undoes just that statement and the transaction goes on. Callers
 * hear of their write only after COMMIT, so an acknowledged write is never lost on a crash.
 *
 * `write` runs synchronously on the raw connection, while the batch holds Kysely's (only)
 * connection: no Kysely transaction can be open on it meanwhile, and no query builder runs per row.
 *
 * Not for PostgreSQL: there one failed statement would abort the whole shared transaction, and a
 * round trip per row would cost what batching saves; orders/createBatchedOrderWriter.ts batches
 * there as one multi-row INSERT instead.
 */
export function createGroupCommit<I, R>(
  db: Kysely<Database>,
  sqlite: SQLite.Database,
  write: (item: I) => R,
): GroupCommit<I, R> {
  let queue: Pending<I, R>[] = [];
  let scheduled = false;

  const runBatch = sqlite.transaction((batch: readonly Pending<I, R>[]) =>
    batch.map((pending): Outcome<R> => {
      try {
        return { ok: true, result: write(pending.item) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );

  const flush = async () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    let outcomes: Outcome<R>[];
    try {
      outcomes = await db.connection().execute(async () => runBatch.immediate(batch));
    } catch (error) {
      // BEGIN or COMMIT failed (e.g. the disk is full): nothing of the batch was written.
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok === true) pending.resolve(outcome.result);
      else pending.reject(outcome?.error ?? new Error('group commit lost a write'));
    });
  };

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (scheduled) return;
        scheduled = true;
        // After the poll phase: every request whose bytes arrived in this turn joins the batch.
        setImmediate(() => void flush());
      });
    },
  };
}
