import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The webhook outbox at one moment. */
export type DeliveryQueue = {
  /** Deliveries not yet delivered nor given up on: due now or waiting for a retry. */
  readonly pending: number;
  /** Pending deliveries whose attempt is due. */
  readonly due: number;
  /** How long the oldest due delivery has been due, in ms; 0 when none is. */
  readonly oldestDueAgeMs: number;
};

/** One statement over the `(state, next_attempt_at)` index: the outbox's depth and its oldest due row. */
export async function readDeliveryQueue(db: Kysely<Database>, nowMs: number): Promise<DeliveryQueue> {
  const { rows } = await sql<{ pending: unknown; due: unknown; oldest: unknown }>`
    select count(*) as pending,
      coalesce(sum(case when next_attempt_at <= ${nowMs} then 1 else 0 end), 0) as due,
      min(next_attempt_at) as oldest
    from deliveries where state = 'pending'`.execute(db);
  const row = rows[0];
  // PostgreSQL returns bigint aggregates as strings.
  const oldest = row?.oldest === null || row?.oldest === undefined ? null : Number(row.oldest);
  return {
    pending: Number(row?.pending ?? 0),
    due: Number(row?.due ?? 0),
    oldestDueAgeMs: oldest === null || oldest > nowMs ? 0 : nowMs - oldest,
  };
}
