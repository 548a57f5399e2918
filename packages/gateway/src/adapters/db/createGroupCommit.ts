import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** Queues writes and commits the ones that arrive together in one transaction. */
export type GroupCommit<I, R> = {
  /** Resolves once the write is committed (or rejects with its own error); never earlier. */
  submit(item: I): Promise<R>;
};

type Pending<I, R> = { readonly item: I; resolve(result: R): void; reject(error: unknown): void };

/**
 * Group commit for SQLite. A SQLite commit appends every page the write touched to the WAL, and
 * for an order row with its four indexes that is most of the insert's cost; the requests that
 * reach the event loop together (everything read in one poll phase) share one transaction
 * instead. Each write still runs as its own statement: one that fails (a constraint) rejects only
 * its own caller, because SQLite undoes just that statement and the transaction goes on. Callers
 * hear of their write only after COMMIT, so an acknowledged write is never lost on a crash.
 *
 * Not for PostgreSQL: there every connection of the pool commits in parallel, and one failed
 * statement would abort the whole shared transaction.
 */
export function createGroupCommit<I, R>(
  db: Kysely<Database>,
  write: (trx: Transaction<Database>, item: I) => Promise<R>,
): GroupCommit<I, R> {
  let queue: Pending<I, R>[] = [];
  let scheduled = false;

  const flush = async () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    const outcomes: ({ ok: true; result: R } | { ok: false; error: unknown })[] = [];
    try {
      await db.transaction().execute(async (trx) => {
        for (const pending of batch) {
          try {
            outcomes.push({ ok: true, result: await write(trx, pending.item) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
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
