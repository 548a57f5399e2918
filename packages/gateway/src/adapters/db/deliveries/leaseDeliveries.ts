import { type Kysely, sql } from 'kysely';
import type { LeasedDelivery } from '../../../core/Delivery.ts';
import type { DeliveryStore } from '../../../core/ports.ts';
import type { KassaDialect } from '../dialect/KassaDialect.ts';
import type { Database } from '../schema.ts';
import { isHeadOfOrder } from './isHeadOfOrder.ts';
import { LEASED_COLUMNS, type LeasedRow, toLeasedDeliveries } from './toLeasedDeliveries.ts';

export type LeaseDeliveriesParameters = Parameters<DeliveryStore['leaseDeliveries']>[0];

/** Leases those of `deliveryIds` still due, unleased and heading their order, in one UPDATE (see DeliveryStore). */
export async function leaseDeliveries(
  { db, dialect }: { readonly db: Kysely<Database>; readonly dialect: KassaDialect },
  { deliveryIds, owner, nowMs, leaseUntilMs }: LeaseDeliveriesParameters,
): Promise<LeasedDelivery[]> {
  if (deliveryIds.length === 0) return [];
  const target = dialect.leaseTarget({
    table: 'deliveries',
    key: 'delivery_id',
    keys: deliveryIds,
    column: 'state',
    value: 'pending',
  });
  const { rows } = await sql<LeasedRow>`
    update deliveries set lease_owner = ${owner}, lease_until = ${leaseUntilMs}
    where ${target} and next_attempt_at <= ${nowMs} and (lease_until is null or lease_until < ${nowMs})
      and ${isHeadOfOrder('deliveries', nowMs)}
    returning ${LEASED_COLUMNS}`.execute(db);
  return toLeasedDeliveries(rows, nowMs);
}
