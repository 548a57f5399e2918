import type { Selectable } from 'kysely';
import type { Delivery, DeliveryEvent, DeliveryState } from '../../../core/Delivery.ts';
import type { DeliveriesTable } from '../schema.ts';

const DELIVERY_STATES: readonly DeliveryState[] = ['pending', 'delivered', 'failed'];
const DELIVERY_EVENTS: readonly DeliveryEvent[] = ['processing', 'success', 'failed'];

/** Maps a row to a delivery, checking its state and event. */
export function toDelivery(row: Selectable<DeliveriesTable>): Delivery {
  const state = DELIVERY_STATES.find((s) => s === row.state);
  const event = DELIVERY_EVENTS.find((e) => e === row.event);
  if (state === undefined) throw new Error(`deliveries.state is unknown: ${row.state}`);
  if (event === undefined) throw new Error(`deliveries.event is unknown: ${row.event}`);
  return {
    deliveryId: row.delivery_id,
    appId: row.app_id,
    orderId: row.order_id,
    recordId: row.record_id,
    event,
    url: row.url,
    body: row.body,
    state,
    attempts: Number(row.attempts),
    nextAttemptAtMs: Number(row.next_attempt_at),
    firstAttemptAtMs: row.first_attempt_at === null ? null : Number(row.first_attempt_at),
    leaseOwner: row.lease_owner,
    leaseUntilMs: row.lease_until === null ? null : Number(row.lease_until),
    createdAtMs: Number(row.created_at),
    deliveredAtMs: row.delivered_at === null ? null : Number(row.delivered_at),
  };
}
