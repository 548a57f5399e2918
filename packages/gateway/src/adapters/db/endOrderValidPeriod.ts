import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export type EndOrderValidPeriodParameters = {
  readonly orderId: string;
  readonly nowMs: number;
  /** The order's addresses stay watched this long after the new expiry, as after a natural one. */
  readonly latePaymentWindowSeconds: number;
};

/**
 * Sandbox only (`kassa dev`): ends an order's valid period at `nowMs`, as if its time had run out,
 * so "Expired" and the "(Overdue)" statuses can be seen without waiting a day. Kassa keeps time by
 * the system clock, so moving the devnet's clock alone would not expire anything. True when the
 * order was still open.
 */
export async function endOrderValidPeriod(
  db: Kysely<Database>,
  { orderId, nowMs, latePaymentWindowSeconds }: EndOrderValidPeriodParameters,
): Promise<boolean> {
  const result = await db
    .updateTable('orders')
    .set({ expires_at: nowMs, watch_until: nowMs + latePaymentWindowSeconds * 1000 })
    .where('order_id', '=', orderId)
    .where('expires_at', '>', nowMs)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
