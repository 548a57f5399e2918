import { type Kysely, type Selectable, sql } from 'kysely';
import type { Order } from '../../../core/Order.ts';
import type { Payment } from '../../../core/Payment.ts';
import type { OrderWithActivity } from '../../../core/ports.ts';
import type { Quote } from '../../../core/Quote.ts';
import { toPayment } from '../createPaymentStore.ts';
import { toQuote } from '../createQuoteStore.ts';
import type { SqlDialectName } from '../dialect/KassaDialect.ts';
import type { Database, OrdersTable, PaymentsTable, QuotesTable } from '../schema.ts';
import { toOrder } from './toOrder.ts';

type OrderRowWithActivity = Selectable<OrdersTable> & {
  readonly quotes: Selectable<QuotesTable>[];
  readonly payments: Selectable<PaymentsTable>[];
};

/**
 * An app's orders by merchant order id with their quotes and payments (`OrderStore.findOrdersWithActivity`).
 * On PostgreSQL one statement: each query there costs a round trip to another process, which
 * measured more than the lookups themselves (bench/order-info.ts), so the quotes and payments come
 * along as JSON arrays. SQLite answers in-process, where three plain queries cost less than
 * building JSON.
 */
export async function findOrdersWithActivity(
  db: Kysely<Database>,
  dialect: SqlDialectName,
  appId: string,
  merchantOrderIds: readonly string[],
): Promise<OrderWithActivity[]> {
  if (merchantOrderIds.length === 0) return [];
  if (dialect === 'postgres') {
    // Every column of quotes and payments fits JSON: amounts and block numbers are text, and the
    // bigint columns are epoch milliseconds and ids far below 2^53.
    const { rows } = await sql<OrderRowWithActivity>`
      select o.*,
        coalesce((select json_agg(q order by q.quote_id) from quotes q where q.order_id = o.order_id), '[]') as quotes,
        coalesce((select json_agg(p order by p.seen_at, p.record_id) from payments p where p.order_id = o.order_id), '[]') as payments
      from orders o
      where o.app_id = ${appId} and o.merchant_order_id = any(${[...merchantOrderIds]})`.execute(db);
    return rows.map((row) => ({
      order: toOrder(row),
      quotes: row.quotes.map(toQuote),
      payments: row.payments.map(toPayment),
    }));
  }
  const orders = await db
    .selectFrom('orders')
    .selectAll()
    .where('app_id', '=', appId)
    .where(isAmong('merchant_order_id', merchantOrderIds))
    .execute();
  if (orders.length === 0) return [];
  const orderIds = orders.map((row) => row.order_id);
  const quotes = await db
    .selectFrom('quotes')
    .selectAll()
    .where(isAmong('order_id', orderIds))
    .orderBy('quote_id')
    .execute();
  const payments = await db
    .selectFrom('payments')
    .selectAll()
    .where(isAmong('order_id', orderIds))
    .orderBy('seen_at')
    .orderBy('record_id')
    .execute();
  const found = new Map<string, { order: Order; quotes: Quote[]; payments: Payment[] }>(
    orders.map((row) => [row.order_id, { order: toOrder(row), quotes: [], payments: [] }]),
  );
  for (const row of quotes) found.get(row.order_id)?.quotes.push(toQuote(row));
  for (const row of payments) found.get(row.order_id)?.payments.push(toPayment(row));
  return [...found.values()];
}

/**
 * `column in (…values)` with the values as one JSON array parameter: the statement text is the same
 * for any count, so it is prepared once, and a request of 100 ids binds one value instead of 100.
 * SQLite still looks each value up in the column's index (`LIST SUBQUERY` over `json_each`).
 */
function isAmong(column: string, values: readonly string[]) {
  return sql<boolean>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(values)}))`;
}
