import { type Kysely, sql } from 'kysely';
import type { DeliveryAttempt } from '../../../core/Delivery.ts';
import type {
  ConsoleDeliveryCursor,
  ConsoleDeliveryFilter,
  ConsoleDeliveryRow,
} from '../../../core/ports/ConsoleQueries.ts';
import { toDelivery } from '../deliveries/toDelivery.ts';
import { toDeliveryAttempt } from '../deliveries/toDeliveryAttempt.ts';
import type { Database } from '../schema.ts';

/**
 * A page of deliveries in one state (`ConsoleQueries.listDeliveries`), latest next attempt first,
 * through the (state, next_attempt_at) index; with each one's newest attempt.
 */
export async function listConsoleDeliveries(
  db: Kysely<Database>,
  filter: ConsoleDeliveryFilter,
  page: { readonly before?: ConsoleDeliveryCursor; readonly limit: number },
): Promise<ConsoleDeliveryRow[]> {
  let query = db
    .selectFrom('deliveries as d')
    .innerJoin('apps as a', 'a.app_id', 'd.app_id')
    .selectAll('d')
    .select('a.name as app_name')
    .where('d.state', '=', filter.state);
  if (filter.appId !== undefined) query = query.where('d.app_id', '=', filter.appId);
  const { before } = page;
  if (before !== undefined) {
    query = query.where(
      sql<boolean>`(d.next_attempt_at, d.delivery_id) < (${before.nextAttemptAtMs}, ${before.deliveryId})`,
    );
  }
  const rows = await query
    .orderBy('d.next_attempt_at', 'desc')
    .orderBy('d.delivery_id', 'desc')
    .limit(page.limit)
    .execute();
  if (rows.length === 0) return [];
  const attempts = await db
    .selectFrom('delivery_attempts')
    .selectAll()
    .where(
      'attempt_id',
      'in',
      db
        .selectFrom('delivery_attempts')
        .select((eb) => eb.fn.max('attempt_id').as('attempt_id'))
        .where(
          'delivery_id',
          'in',
          rows.map((row) => row.delivery_id),
        )
        .groupBy('delivery_id'),
    )
    .execute();
  const lastOf = new Map<string, DeliveryAttempt>(attempts.map((row) => [row.delivery_id, toDeliveryAttempt(row)]));
  return rows.map(({ app_name, ...row }) => ({
    delivery: toDelivery(row),
    appName: app_name,
    lastAttempt: lastOf.get(row.delivery_id) ?? null,
  }));
}
