import { type Kysely, sql } from 'kysely';
import { createOrderWriter } from '../orders/createOrderWriter.ts';
import type { Database } from '../schema.ts';
import type { BillWriter } from './BillWriter.ts';
import { QUOTE_COLUMNS, toQuoteValues } from './quoteColumns.ts';

/**
 * The order, then its quote, in the caller's transaction when `db` is one (the caller commits
 * them), else in a transaction of their own.
 */
export function createBillWriter(db: Kysely<Database>): BillWriter {
  const write: BillWriter['insertOrderWithQuote'] = async (order, quote) => {
    const result = await createOrderWriter(db).insertOrder(order);
    if (!result.inserted) return result;
    const { rows } = await sql<{ quote_id: number | string }>`insert into quotes (${sql.raw(QUOTE_COLUMNS.join(', '))})
      values (${sql.join(toQuoteValues(order, quote))}) returning quote_id`.execute(db);
    return { inserted: true, order, quote: { ...quote, orderId: order.orderId, quoteId: Number(rows[0]?.quote_id) } };
  };
  return {
    insertOrderWithQuote: (order, quote) =>
      db.isTransaction
        ? write(order, quote)
        : db.transaction().execute((trx) => createBillWriter(trx).insertOrderWithQuote(order, quote)),
  };
}
