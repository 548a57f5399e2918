import type { Kysely } from 'kysely';
import type { ConsoleOrderRow, ConsoleSearchKeys } from '../../../core/ports/ConsoleQueries.ts';
import type { Database } from '../schema.ts';
import { attachNewestQuotes } from './attachNewestQuotes.ts';

/**
 * Orders any of the search keys names (`ConsoleQueries.searchOrders`), in one statement of indexed
 * lookups: the merchant order id through the (app, merchant order id) key of each app, the order
 * id by primary key, the address through its quotes, the transaction through its payments.
 */
export async function searchConsoleOrders(
  db: Kysely<Database>,
  keys: ConsoleSearchKeys,
  limit: number,
): Promise<ConsoleOrderRow[]> {
  const { address, txid, orderId } = keys;
  const ids = await db
    .selectFrom('orders')
    .select(['order_id', 'created_at'])
    .where('order_id', 'in', (eb) => {
      let found = eb
        .selectFrom('orders as m')
        .select('m.order_id')
        // Every app's key in turn: the unique (app_id, merchant_order_id) index answers each one.
        .where('m.app_id', 'in', eb.selectFrom('apps').select('app_id'))
        .where('m.merchant_order_id', '=', keys.merchantOrderId);
      if (orderId !== undefined) {
        found = found.union(eb.selectFrom('orders as k').select('k.order_id').where('k.order_id', '=', orderId));
      }
      if (address !== undefined) {
        found = found.union(eb.selectFrom('quotes').select('quotes.order_id').where('quotes.address', '=', address));
      }
      if (txid !== undefined) {
        found = found.union(eb.selectFrom('payments').select('payments.order_id').where('payments.txid', '=', txid));
      }
      return found;
    })
    .orderBy('created_at', 'desc')
    .orderBy('order_id', 'desc')
    .limit(limit)
    .execute();
  return attachNewestQuotes(
    db,
    ids.map((row) => row.order_id),
  );
}
