import type { Kysely, SelectQueryBuilder } from 'kysely';
import { sql } from 'kysely';
import type { ConsoleBacklog } from '../../../core/ports/ConsoleQueries.ts';
import type { Database } from '../schema.ts';

/**
 * What waits: open orders (through the status and expiry index) and deliveries out of attempts or
 * retrying (through the state index). Each count stops at `cap + 1` rows: failed deliveries pile up
 * over the years, and "more than 999" tells an operator as much as the exact number, at a bounded cost.
 */
export async function countConsoleBacklog(db: Kysely<Database>, nowMs: number, cap: number): Promise<ConsoleBacklog> {
  const countUpTo = async <T extends keyof Database>(rows: SelectQueryBuilder<Database, T, object>) => {
    const found = await db
      .selectFrom(
        rows
          .select(sql<number>`1`.as('one'))
          .limit(cap + 1)
          .as('s'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(found?.n ?? 0);
  };
  const [openOrders, failedDeliveries, retryingDeliveries] = await Promise.all([
    countUpTo(db.selectFrom('orders').where('status', '=', 'Pending').where('expires_at', '>', nowMs)),
    countUpTo(db.selectFrom('deliveries').where('state', '=', 'failed')),
    countUpTo(db.selectFrom('deliveries').where('state', '=', 'pending').where('attempts', '>', 0)),
  ]);
  return { openOrders, failedDeliveries, retryingDeliveries };
}
