import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { ConsoleOrderCursor, ConsoleOrderFilter, ConsoleOrderPage } from '../../../core/ports/ConsoleQueries.ts';
import { toOrderWireStatus } from '../../../protocol/toOrderWireStatus.ts';
import type { Database } from '../schema.ts';
import { attachNewestQuotes } from './attachNewestQuotes.ts';

/**
 * How many orders (matching the filters on the order itself) one page request looks through for
 * a filter on quotes (network, coin). Past it the page ends short and offers the next stretch: a coin
 * that one order in a thousand uses must not make a request read a million rows. A coin on one order
 * in twenty still fills a page of fifty; a filter nothing matches costs 1–4 ms (bench/console.ts).
 */
export const QUOTE_FILTER_STRETCH = 2_000;

/** The orders' keys, in list order: what paging walks before whole rows are read. */
type OrderKeysQuery = SelectQueryBuilder<Database, 'orders', { order_id: string; created_at: number }>;

/**
 * A newest-first page of orders (`ConsoleQueries.listOrders`): keyset paging on (created_at,
 * order_id), which the indexes of migration 0010 serve for every order-level filter; never a count.
 */
export async function listConsoleOrders(
  db: Kysely<Database>,
  filter: ConsoleOrderFilter,
  page: { readonly before?: ConsoleOrderCursor; readonly limit: number },
  stretch = QUOTE_FILTER_STRETCH,
): Promise<ConsoleOrderPage> {
  const inOrder = () =>
    applyOrderFilter(db.selectFrom('orders').select(['order_id', 'created_at']), filter, page.before)
      .orderBy('created_at', 'desc')
      .orderBy('order_id', 'desc');
  const hasQuoteFilter = filter.networkKey !== undefined || filter.symbol !== undefined;
  const ids = hasQuoteFilter
    ? await db
        .selectFrom(inOrder().limit(stretch).as('w'))
        .select(['w.order_id', 'w.created_at'])
        .where((eb) => eb.exists(quoteMatch(eb, filter)))
        .orderBy('w.created_at', 'desc')
        .orderBy('w.order_id', 'desc')
        .limit(page.limit + 1)
        .execute()
    : await inOrder()
        .limit(page.limit + 1)
        .execute();
  const shown = ids.slice(0, page.limit);
  const rows = await attachNewestQuotes(
    db,
    shown.map((row) => row.order_id),
  );
  const last = shown.at(-1);
  if (ids.length > page.limit && last !== undefined) return { rows, next: cursorOf(last) };
  if (!hasQuoteFilter) return { rows, next: null };
  // Fewer matches than asked: go on after the stretch looked through, if it was a whole one.
  const stretchEnd = await inOrder()
    .limit(1)
    .offset(stretch - 1)
    .executeTakeFirst();
  return { rows, next: stretchEnd === undefined ? null : cursorOf(stretchEnd) };
}

function applyOrderFilter(
  query: OrderKeysQuery,
  filter: ConsoleOrderFilter,
  before: ConsoleOrderCursor | undefined,
): OrderKeysQuery {
  let q = query;
  if (filter.appId !== undefined) q = q.where('app_id', '=', filter.appId);
  if (filter.status !== undefined) q = q.where('status', '=', toOrderWireStatus(filter.status));
  if (filter.createdFromMs !== undefined) q = q.where('created_at', '>=', filter.createdFromMs);
  if (filter.createdBeforeMs !== undefined) q = q.where('created_at', '<', filter.createdBeforeMs);
  // A row comparison, which both databases walk as one index range.
  if (before !== undefined)
    q = q.where(sql<boolean>`(created_at, order_id) < (${before.createdAtMs}, ${before.orderId})`);
  return q;
}

function quoteMatch(
  eb: ExpressionBuilder<Database & { w: { order_id: string; created_at: number } }, 'w'>,
  filter: ConsoleOrderFilter,
) {
  let q = eb.selectFrom('quotes as q').select(sql`1`.as('one')).whereRef('q.order_id', '=', 'w.order_id');
  if (filter.networkKey !== undefined) q = q.where('q.network_key', '=', filter.networkKey);
  if (filter.symbol !== undefined) q = q.where('q.symbol', '=', filter.symbol);
  return q;
}

function cursorOf(row: { order_id: string; created_at: number }): ConsoleOrderCursor {
  return { createdAtMs: Number(row.created_at), orderId: row.order_id };
}
