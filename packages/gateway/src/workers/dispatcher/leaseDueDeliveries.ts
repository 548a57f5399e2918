import type { LeasedDelivery } from '../../core/Delivery.ts';
import type { DeliveryStore } from '../../core/ports.ts';
import type { OriginSlots } from './createOriginSlots.ts';

export type LeaseDueDeliveriesParameters = {
  readonly owner: string;
  readonly nowMs: number;
  readonly leaseUntilMs: number;
  /** Leases the dispatcher can still hold, asked afresh as answers free slots meanwhile. */
  readonly getFreeSlots: () => number;
  readonly slots: OriginSlots;
};

export type LeaseDueDeliveriesReturnType = {
  readonly leased: readonly LeasedDelivery[];
  /** The read was full and found work: read again at once rather than after the poll interval. */
  readonly hasMoreDue: boolean;
};

// Due rows read per free slot: enough to fill the slots even when some belong to busy endpoints.
const CANDIDATES_PER_FREE_SLOT = 2;
const MAX_CANDIDATES = 2_000;

/**
 * A scan of the queue: reads what is due for endpoints with room (busy ones are skipped in the
 * query itself) and leases what fits the free slots and each endpoint's room.
 */
export async function leaseDueDeliveries(
  deliveries: Pick<DeliveryStore, 'listDueDeliveries' | 'leaseDeliveries'>,
  { owner, nowMs, leaseUntilMs, getFreeSlots, slots }: LeaseDueDeliveriesParameters,
): Promise<LeaseDueDeliveriesReturnType> {
  const limit = Math.min(MAX_CANDIDATES, getFreeSlots() * CANDIDATES_PER_FREE_SLOT);
  const due = await deliveries.listDueDeliveries({ nowMs, limit, excludeUrls: slots.listSaturatedUrls() });
  const leased = await deliveries.leaseDeliveries({
    deliveryIds: slots.pickFitting(due, getFreeSlots()),
    owner,
    nowMs,
    leaseUntilMs,
  });
  return { leased, hasMoreDue: due.length === limit && leased.length > 0 };
}
