import type { Kysely } from 'kysely';
import type { ConsoleOrderRow } from '../../../core/ports/ConsoleQueries.ts';
import type { Quote } from '../../../core/Quote.ts';
import { toQuote } from '../createQuoteStore.ts';
import { toOrder } from '../orders/toOrder.ts';
import type { Database } from '../schema.ts';

/**
 * The list rows of these orders, in the order given: each order with its app's name and newest
 * quote. Two indexed reads for a whole page, whatever its length.
 */
export async function attachNewestQuotes(
  db: Kysely<Database>,
  orderIds: readonly string[],
): Promise<ConsoleOrderRow[]> {
  if (orderIds.length === 0) return [];
  const orders = await db
    .selectFrom('orders as o')
    .innerJoin('apps as a', 'a.app_id', 'o.app_id')
    .selectAll('o')
    .select('a.name as app_name')
    .where('o.order_id', 'in', [...orderIds])
    .execute();
  const quotes = await db
    .selectFrom('quotes')
    .selectAll()
    .where('order_id', 'in', [...orderIds])
    .execute();
  const newest = new Map<string, Quote>();
  for (const row of quotes) {
    const quote = toQuote(row);
    const held = newest.get(quote.orderId);
    if (held === undefined || held.quoteId < quote.quoteId) newest.set(quote.orderId, quote);
  }
  const byId = new Map(orders.map((row) => [row.order_id, row]));
  return orderIds.flatMap((orderId) => {
    const row = byId.get(orderId);
    if (row === undefined) return [];
    const { app_name, ...orderRow } = row;
    return [{ order: toOrder(orderRow), appName: app_name, quote: newest.get(orderId) ?? null }];
  });
}
