import type { Kysely } from 'kysely';
import type { ConsoleBacklog } from '../../../core/ports/ConsoleQueries.ts';
import type { Database } from '../schema.ts';

/**
 * What waits: open orders (through the status and expiry index) and deliveries out of attempts or
 * retrying (through the state index). Each count covers a part of its table that stays small while
 * things work, however many orders there are.
 */
export async function countConsoleBacklog(db: Kysely<Database>, nowMs: number): Promise<ConsoleBacklog> {
  const open = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'Pending')
    .where('expires_at', '>', nowMs)
    .executeTakeFirst();
  const deliveries = await db
    .selectFrom('deliveries')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where((eb) => eb.or([eb('state', '=', 'failed'), eb.and([eb('state', '=', 'pending'), eb('attempts', '>', 0)])]))
    .groupBy('state')
    .execute();
  const countOf = (state: string) => Number(deliveries.find((row) => row.state === state)?.n ?? 0);
  return {
    openOrders: Number(open?.n ?? 0),
    failedDeliveries: countOf('failed'),
    retryingDeliveries: countOf('pending'),
  };
}
