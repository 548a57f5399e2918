import { type Kysely, sql } from 'kysely';
import type { OperatorStore, SignInFailures } from '../../../core/ports/OperatorStore.ts';
import type { Database } from '../schema.ts';

/**
 * Failed sign-ins of OperatorStore, per name. Each failure is one upsert (no read-then-write), so
 * guesses racing from several API processes are all counted; failures older than a lockout period
 * start the count again rather than adding up over months.
 */
export function createSignInFailureRows(
  db: Kysely<Database>,
): Pick<OperatorStore, 'getSignInFailures' | 'recordSignInFailure' | 'clearSignInFailures'> {
  const getSignInFailures = async (name: string): Promise<SignInFailures> => {
    const row = await db
      .selectFrom('sign_in_failures')
      .select(['failures', 'locked_until'])
      .where('name', '=', name)
      .executeTakeFirst();
    return row === undefined ? { failures: 0, lockedUntilMs: null } : toFailures(row);
  };
  return {
    getSignInFailures,
    async recordSignInFailure(name, { nowMs, lockAfter, lockForMs }) {
      const counted = await db
        .insertInto('sign_in_failures')
        .values({ name, failures: 1, locked_until: null, updated_at: nowMs })
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({
            failures: sql<number>`case when sign_in_failures.updated_at < ${nowMs - lockForMs} then 1 else sign_in_failures.failures + 1 end`,
            updated_at: nowMs,
          }),
        )
        .returning(['failures', 'locked_until'])
        .executeTakeFirstOrThrow();
      if (counted.failures < lockAfter) return toFailures(counted);
      const locked = await db
        .updateTable('sign_in_failures')
        .set({ failures: 0, locked_until: nowMs + lockForMs })
        .where('name', '=', name)
        .where('failures', '>=', lockAfter)
        .returning(['failures', 'locked_until'])
        .executeTakeFirst();
      return locked === undefined ? getSignInFailures(name) : toFailures(locked);
    },
    async clearSignInFailures(name) {
      await db.deleteFrom('sign_in_failures').where('name', '=', name).execute();
    },
  };
}

function toFailures(row: { failures: number; locked_until: number | null }): SignInFailures {
  return { failures: row.failures, lockedUntilMs: row.locked_until };
}
