import type SQLite from 'better-sqlite3';
import type { Kysely, Selectable } from 'kysely';
import type { Order } from '../../../core/Order.ts';
import type { BillQuote, InsertBillResult } from '../../../core/ports.ts';
import { createGroupCommit } from '../createGroupCommit.ts';
import { ON_ORDER_CONFLICT, ORDER_COLUMNS, toOrderValues } from '../orders/orderColumns.ts';
import { toOrder } from '../orders/toOrder.ts';
import type { Database, OrdersTable } from '../schema.ts';
import type { BillWriter } from './BillWriter.ts';
import { INSERT_QUOTE_SQL, toQuoteValues } from './quoteColumns.ts';

type Bill = { readonly order: Order; readonly quote: BillQuote };

/**
 * SQLite, outside transactions: the bills of concurrent requests share one commit
 * (createGroupCommit), as orders do in createGroupCommitOrderWriter. Each bill runs in a savepoint
 * of its own (better-sqlite3 nests a transaction as one): a quote that fails undoes its order too,
 * and the other bills of the batch go on.
 */
export function createGroupCommitBillWriter(db: Kysely<Database>, sqlite: SQLite.Database): BillWriter {
  const insertOrder = sqlite.prepare(
    `insert into orders (${ORDER_COLUMNS.join(', ')}) values (${ORDER_COLUMNS.map(() => '?').join(', ')}) ${ON_ORDER_CONFLICT}`,
  );
  const insertQuote = sqlite.prepare(INSERT_QUOTE_SQL);
  const findExisting = sqlite.prepare('select * from orders where app_id = ? and merchant_order_id = ?');
  const writeBill = sqlite.transaction(({ order, quote }: Bill): InsertBillResult => {
    if (insertOrder.run(toOrderValues(order)).changes === 0) {
      const existing = findExisting.get(order.appId, order.merchantOrderId) as Selectable<OrdersTable>;
      return { inserted: false, order: toOrder(existing) };
    }
    const { quote_id } = insertQuote.get(toQuoteValues(order, quote)) as { quote_id: number };
    return { inserted: true, order, quote: { ...quote, orderId: order.orderId, quoteId: quote_id } };
  });
  const batched = createGroupCommit(db, sqlite, (bill: Bill) => writeBill(bill));
  return { insertOrderWithQuote: (order, quote) => batched.submit({ order, quote }) };
}
