import { type Kysely, sql } from 'kysely';
import type { LeasedDelivery } from '../../../core/Delivery.ts';
import type { DeliveryStore } from '../../../core/ports.ts';
import type { KassaDialect } from '../dialect/KassaDialect.ts';
import type { Database } from '../schema.ts';
import { isHeadOfOrder } from './isHeadOfOrder.ts';
import { LEASED_COLUMNS, type LeasedRow, toLeasedDeliveries } from './toLeasedDeliveries.ts';

export type LeaseDueDeliveriesToParameters = Parameters<DeliveryStore['leaseDueDeliveriesTo']>[0];

/** Leases up to `limit` due deliveries to one endpoint that head their order, in one UPDATE (see DeliveryStore). */
export async function leaseDueDeliveriesTo(
  { db, dialect }: { readonly db: Kysely<Database>; readonly dialect: KassaDialect },
  { url, limit, owner, nowMs, leaseUntilMs }: LeaseDueDeliveriesToParameters,
): Promise<LeasedDelivery[]> {
  if (limit <= 0) return [];
  const { rows } = await sql<LeasedRow>`
    update deliveries set lease_owner = ${owner}, lease_until = ${leaseUntilMs}
    where delivery_id in (
      select delivery_id from deliveries due
      where url = ${url} and state = 'pending' and next_attempt_at <= ${nowMs}
        and (lease_until is null or lease_until < ${nowMs})
        and ${isHeadOfOrder('due', nowMs)}
      order by next_attempt_at
      limit ${limit}
      ${dialect.skipLocked}
    )
    returning ${LEASED_COLUMNS}`.execute(db);
  return toLeasedDeliveries(rows, nowMs);
}
