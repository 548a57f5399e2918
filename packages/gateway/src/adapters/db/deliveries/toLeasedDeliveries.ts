import { type Selectable, sql } from 'kysely';
import type { LeasedDelivery } from '../../../core/Delivery.ts';
import { getOrderStatusAt } from '../../../core/getOrderStatusAt.ts';
import { parseOrderWireStatus } from '../../../protocol/parseOrderWireStatus.ts';
import type { DeliveriesTable } from '../schema.ts';
import { toDelivery } from './toDelivery.ts';

/** A leased `deliveries` row as {@link LEASED_COLUMNS} returns it. */
export type LeasedRow = Selectable<DeliveriesTable> & {
  order_status: string | null;
  order_expires_at: number | string | null;
};

/** What a leasing UPDATE returns. The order's status is read in the statement that takes the lease: the newest committed one. */
export const LEASED_COLUMNS = sql`*,
  (select status from orders where orders.order_id = deliveries.order_id) as order_status,
  (select expires_at from orders where orders.order_id = deliveries.order_id) as order_expires_at`;

/** Maps leased rows to deliveries with their orders' status at `nowMs`, oldest due first. */
export function toLeasedDeliveries(rows: readonly LeasedRow[], nowMs: number): LeasedDelivery[] {
  return rows
    .map((row) => {
      const delivery = toDelivery(row);
      const stored = row.order_status === null ? undefined : parseOrderWireStatus(row.order_status);
      const orderStatus =
        stored === undefined || row.order_expires_at === null
          ? null
          : getOrderStatusAt({ storedStatus: stored, expiresAtMs: Number(row.order_expires_at), nowMs });
      return { ...delivery, orderStatus };
    })
    .sort((a, b) => a.nextAttemptAtMs - b.nextAttemptAtMs);
}
