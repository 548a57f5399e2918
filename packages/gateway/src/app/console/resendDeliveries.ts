import type { Deps } from '../Deps.ts';

/** The most deliveries one console action re-queues: a bulk resend is bounded, and audited as one change. */
export const MAX_RESEND_BATCH = 500;

/**
 * Makes these deliveries pending and due now, in one transaction (each keeps its attempt count, as
 * `webhook/resend` does); returns how many existed. The dispatcher is woken when it commits.
 */
export async function resendDeliveries(
  deps: Pick<Deps, 'store' | 'clock'>,
  deliveryIds: readonly string[],
): Promise<number> {
  if (deliveryIds.length > MAX_RESEND_BATCH) throw new RangeError(`at most ${MAX_RESEND_BATCH} deliveries at once`);
  const nowMs = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    let requeued = 0;
    for (const deliveryId of deliveryIds) if (await tx.deliveries.requeueDelivery(deliveryId, nowMs)) requeued++;
    return requeued;
  });
}
