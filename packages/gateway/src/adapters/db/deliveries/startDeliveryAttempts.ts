import { type Kysely, sql } from 'kysely';
import type { AttemptStart } from '../../../core/ports.ts';
import type { Database } from '../schema.ts';

// Three values a row: well inside SQLite's 32,766 bound parameters per statement.
const ROWS_PER_STATEMENT = 1_000;

/**
 * Writes a `sending` attempt row for each start whose delivery `owner` still leases, in one
 * transaction (the caller's, if any), before any of those requests leaves (see DeliveryStore).
 * Per start, the attempt row's id, or null when the lease was lost.
 */
export function startDeliveryAttempts(
  db: Kysely<Database>,
  owner: string,
  starts: readonly AttemptStart[],
): Promise<(number | null)[]> {
  if (starts.length === 0) return Promise.resolve([]);
  const work = async (trx: Kysely<Database>) => {
    const attemptIds = new Map<string, number>();
    for (let start = 0; start < starts.length; start += ROWS_PER_STATEMENT) {
      const chunk = starts.slice(start, start + ROWS_PER_STATEMENT);
      const kept = await takeAttempts(trx, owner, chunk);
      if (kept.length === 0) continue;
      const byId = new Map(chunk.map((s) => [s.deliveryId, s]));
      for (const [deliveryId, attemptId] of await insertSending(
        trx,
        kept.map((id) => byId.get(id) as AttemptStart),
      )) {
        attemptIds.set(deliveryId, attemptId);
      }
    }
    return starts.map((s) => attemptIds.get(s.deliveryId) ?? null);
  };
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** Counts the attempt and extends the lease of each delivery `owner` still leases; returns their ids. */
async function takeAttempts(trx: Kysely<Database>, owner: string, starts: readonly AttemptStart[]): Promise<string[]> {
  const rows = starts.map(
    // The casts type the parameters for PostgreSQL; SQLite reads them as integer affinity.
    (s) => sql`(${s.deliveryId}, cast(${s.startedAtMs} as bigint), cast(${s.leaseUntilMs} as bigint))`,
  );
  // The lease is checked by owner alone: a lease that ran out but was not taken is still ours, and
  // taking it (or releasing it) changes the owner, so a delivery another dispatcher holds is never sent.
  const { rows: taken } = await sql<{ delivery_id: string }>`
    update deliveries set
      attempts = deliveries.attempts + 1,
      first_attempt_at = coalesce(deliveries.first_attempt_at, v.column2),
      lease_until = v.column3
    from (values ${sql.join(rows)}) as v
    where deliveries.delivery_id = v.column1 and deliveries.lease_owner = ${owner}
    returning deliveries.delivery_id`.execute(trx);
  const ids = taken.map((row) => row.delivery_id);
  if (ids.length === 0) return ids;
  // Rows still `sending` now belong to a dispatcher that died mid-attempt: no answer will come.
  await sql`
    update delivery_attempts set state = 'interrupted'
    where state = 'sending' and delivery_id in (${sql.join(ids)})`.execute(trx);
  return ids;
}

/** Inserts the `sending` rows; returns each delivery's new attempt id. */
async function insertSending(trx: Kysely<Database>, starts: readonly AttemptStart[]): Promise<[string, number][]> {
  const rows = starts.map((s) => sql`(${s.deliveryId}, ${s.startedAtMs}, 0, null, null, '', 0, 'sending')`);
  const { rows: inserted } = await sql<{ attempt_id: number | string; delivery_id: string }>`
    insert into delivery_attempts
      (delivery_id, started_at, latency_ms, status_code, error, response_excerpt, delivered, state)
    values ${sql.join(rows)}
    returning attempt_id, delivery_id`.execute(trx);
  return inserted.map((row) => [row.delivery_id, Number(row.attempt_id)]);
}
