import type { LeasedDelivery } from '../../core/Delivery.ts';
import type { Store } from '../../core/ports.ts';
import type { OriginSlots } from './createOriginSlots.ts';
import { originOf } from './originOf.ts';

export type LeaseRefillsParameters = {
  /** Endpoints whose slots drained since the queue was last read. */
  readonly urls: readonly string[];
  readonly owner: string;
  readonly nowMs: number;
  readonly leaseUntilMs: number;
  /** Leases the dispatcher can still hold, asked afresh as answers free slots meanwhile. */
  readonly getFreeSlots: () => number;
  readonly slots: OriginSlots;
};

/**
 * A refill: leases due deliveries of just these endpoints through the URL index, which costs the
 * same however many other endpoints have deliveries waiting.
 */
export async function leaseRefills(
  store: Pick<Store, 'transaction'>,
  { urls, owner, nowMs, leaseUntilMs, getFreeSlots, slots }: LeaseRefillsParameters,
): Promise<LeasedDelivery[]> {
  // One transaction for all endpoints refilled now: one commit instead of one per endpoint.
  return store.transaction(async (tx) => {
    const rows: LeasedDelivery[] = [];
    const addedByOrigin = new Map<string, number>();
    for (const url of urls) {
      const origin = originOf(url);
      const added = addedByOrigin.get(origin) ?? 0;
      const room = Math.min(slots.getRoom(origin) - added, getFreeSlots() - rows.length);
      const leasedNow = await tx.deliveries.leaseDueDeliveriesTo({ url, limit: room, owner, nowMs, leaseUntilMs });
      addedByOrigin.set(origin, added + leasedNow.length);
      rows.push(...leasedNow);
    }
    return rows;
  });
}
