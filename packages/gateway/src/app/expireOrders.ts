import type { Deps } from './Deps.ts';

export type ExpireOrdersDeps = Pick<Deps, 'store' | 'clock'>;

export type ExpireOrdersParameters = {
  /** Orders per statement. Default 500. */
  readonly batchSize?: number;
};

const DEFAULT_BATCH_SIZE = 500;

/**
 * Marks `Pending` orders whose valid period has ended as `Expired` (no funds confirmed), in
 * batches so no single statement holds many row locks; returns how many. Sends no webhook (there
 * is no payment to report), and the orders' addresses stay watched until `watch_until`, so late
 * funds still turn them into an "(Overdue)" status.
 */
export async function expireOrders(
  deps: ExpireOrdersDeps,
  { batchSize = DEFAULT_BATCH_SIZE }: ExpireOrdersParameters = {},
): Promise<number> {
  const nowMs = deps.clock.now();
  let total = 0;
  for (;;) {
    const expired = await deps.store.orders.expirePendingOrders(nowMs, batchSize);
    total += expired;
    if (expired < batchSize) return total;
  }
}
