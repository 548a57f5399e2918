import type { Selectable } from 'kysely';
import type { DeliveryAttempt } from '../../../core/Delivery.ts';
import type { DeliveryAttemptsTable } from '../schema.ts';

/** Maps a `delivery_attempts` row to an attempt. */
export function toDeliveryAttempt(row: Selectable<DeliveryAttemptsTable>): DeliveryAttempt {
  return {
    deliveryId: row.delivery_id,
    startedAtMs: Number(row.started_at),
    latencyMs: Number(row.latency_ms),
    statusCode: row.status_code === null ? null : Number(row.status_code),
    error: row.error,
    responseExcerpt: row.response_excerpt,
    delivered: Number(row.delivered) === 1,
  };
}
