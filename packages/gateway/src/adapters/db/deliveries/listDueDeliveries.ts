import { type Kysely, sql } from 'kysely';
import type { DeliveryStore, DueDelivery } from '../../../core/ports.ts';
import type { Database } from '../schema.ts';
import { isHeadOfOrder } from './isHeadOfOrder.ts';

export type ListDueDeliveriesParameters = Parameters<DeliveryStore['listDueDeliveries']>[0];

/** Pending, due, unleased deliveries that head their order, oldest due first (see DeliveryStore). */
export async function listDueDeliveries(
  db: Kysely<Database>,
  { nowMs, limit, excludeUrls = [] }: ListDueDeliveriesParameters,
): Promise<DueDelivery[]> {
  const notExcluded = excludeUrls.length === 0 ? sql`` : sql`and url not in (${sql.join([...excludeUrls])})`;
  // No tie-breaker: with one, SQLite sorts every due row (they often share a due time) instead of
  // walking the (state, next_attempt_at) index and stopping at the limit.
  const { rows } = await sql<{ delivery_id: string; url: string }>`
    select delivery_id, url from deliveries
    where state = 'pending' and next_attempt_at <= ${nowMs} and (lease_until is null or lease_until < ${nowMs})
      and ${isHeadOfOrder('deliveries', nowMs)}
    ${notExcluded}
    order by next_attempt_at
    limit ${limit}`.execute(db);
  return rows.map((row) => ({ deliveryId: row.delivery_id, url: row.url }));
}
