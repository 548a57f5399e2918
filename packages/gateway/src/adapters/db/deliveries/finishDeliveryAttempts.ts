import { type Kysely, sql } from 'kysely';
import type { FinishedAttempt } from '../../../core/ports.ts';
import type { Database } from '../schema.ts';

// Seven values a row: well inside SQLite's 32,766 bound parameters per statement.
const ATTEMPT_ROWS_PER_INSERT = 1_000;
// Five values a row, likewise.
const OUTCOME_ROWS_PER_UPDATE = 1_000;

/**
 * Completes the attempt rows (written `sending` by startDeliveryAttempts) and records the outcomes
 * of the deliveries `owner` still leases, in one transaction (the caller's, if any): the
 * dispatcher's write cost is per batch, not per attempt. Per attempt, false when the lease was lost.
 */
export function finishDeliveryAttempts(
  db: Kysely<Database>,
  owner: string,
  finished: readonly FinishedAttempt[],
): Promise<boolean[]> {
  if (finished.length === 0) return Promise.resolve([]);
  const work = async (trx: Kysely<Database>) => {
    for (let start = 0; start < finished.length; start += ATTEMPT_ROWS_PER_INSERT) {
      await completeAttempts(trx, finished.slice(start, start + ATTEMPT_ROWS_PER_INSERT));
    }
    const keptIds = new Set<string>();
    for (let start = 0; start < finished.length; start += OUTCOME_ROWS_PER_UPDATE) {
      const kept = await updateOutcomes(trx, owner, finished.slice(start, start + OUTCOME_ROWS_PER_UPDATE));
      for (const deliveryId of kept) keptIds.add(deliveryId);
    }
    return finished.map((f) => keptIds.has(f.attempt.deliveryId));
  };
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

async function completeAttempts(trx: Kysely<Database>, finished: readonly FinishedAttempt[]): Promise<void> {
  const rows = finished.map(({ attemptId, attempt: a }) => {
    // Typed for PostgreSQL, which reads untyped parameters of a VALUES list as text.
    return sql`(cast(${attemptId} as integer), cast(${a.latencyMs} as integer), cast(${a.statusCode} as integer), cast(${a.error} as text), cast(${a.responseExcerpt} as text), cast(${a.delivered ? 1 : 0} as integer), cast(${a.state} as text))`;
  });
  // Whatever a dead dispatcher's successor marked meanwhile, the answer that did come wins.
  await sql`
    update delivery_attempts set
      latency_ms = v.column2, status_code = v.column3, error = v.column4,
      response_excerpt = v.column5, delivered = v.column6, state = v.column7
    from (values ${sql.join(rows)}) as v
    where delivery_attempts.attempt_id = v.column1`.execute(trx);
}

/** Applies the outcomes to the deliveries `owner` still leases; returns their ids. */
async function updateOutcomes(
  trx: Kysely<Database>,
  owner: string,
  finished: readonly FinishedAttempt[],
): Promise<string[]> {
  const rows = finished.map(({ attempt, firstAttemptAtMs, outcome }) => {
    const nextAttemptAtMs = outcome.state === 'pending' ? outcome.nextAttemptAtMs : null;
    const deliveredAtMs = outcome.state === 'delivered' ? outcome.atMs : null;
    // The casts type the parameters for PostgreSQL; SQLite reads them as integer affinity.
    return sql`(${attempt.deliveryId}, cast(${firstAttemptAtMs} as bigint), ${outcome.state}, cast(${nextAttemptAtMs} as bigint), cast(${deliveredAtMs} as bigint))`;
  });
  // The attempt was counted when it started. One statement for the whole batch (UPDATE … FROM a VALUES list, in both dialects): per
  // attempt it would be as many statements, and those were most of the dispatcher's cost.
  const updated = await sql<{ delivery_id: string }>`
    update deliveries set
      first_attempt_at = v.column2,
      state = v.column3,
      next_attempt_at = coalesce(v.column4, deliveries.next_attempt_at),
      delivered_at = coalesce(v.column5, deliveries.delivered_at),
      lease_owner = null,
      lease_until = null
    from (values ${sql.join(rows)}) as v
    where deliveries.delivery_id = v.column1 and deliveries.lease_owner = ${owner}
    returning deliveries.delivery_id`.execute(trx);
  return updated.rows.map((row) => row.delivery_id);
}
