import type { Selectable } from 'kysely';
import type { DeliveryAttempt, DeliveryAttemptState } from '../../../core/Delivery.ts';
import type { DeliveryAttemptsTable } from '../schema.ts';

const ATTEMPT_STATES: readonly DeliveryAttemptState[] = ['sending', 'finished', 'interrupted'];

/** Maps a `delivery_attempts` row to an attempt, checking its state. */
export function toDeliveryAttempt(row: Selectable<DeliveryAttemptsTable>): DeliveryAttempt {
  const state = ATTEMPT_STATES.find((s) => s === row.state);
  if (state === undefined) throw new Error(`delivery_attempts.state is unknown: ${row.state}`);
  return {
    deliveryId: row.delivery_id,
    state,
    startedAtMs: Number(row.started_at),
    latencyMs: Number(row.latency_ms),
    statusCode: row.status_code === null ? null : Number(row.status_code),
    error: row.error,
    responseExcerpt: row.response_excerpt,
    delivered: Number(row.delivered) === 1,
  };
}
