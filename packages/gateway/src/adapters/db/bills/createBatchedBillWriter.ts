import { CompiledQuery, type Kysely } from 'kysely';
import type { Order } from '../../../core/Order.ts';
import type { BillQuote, InsertBillResult, InsertOrderResult } from '../../../core/ports.ts';
import { createWriteBatcher } from '../orders/createWriteBatcher.ts';
import { NUMERIC_COLUMNS, settleOrderBatch } from '../orders/insertOrderBatch.ts';
import { ON_ORDER_CONFLICT, ORDER_COLUMNS, toOrderValues } from '../orders/orderColumns.ts';
import type { Database } from '../schema.ts';
import type { BillWriter } from './BillWriter.ts';
import { createBillWriter } from './createBillWriter.ts';
import { QUOTE_COLUMNS, toQuoteValues } from './quoteColumns.ts';

type Bill = { readonly order: Order; readonly quote: BillQuote };

const QUOTE_TYPES: Partial<Record<(typeof QUOTE_COLUMNS)[number], string>> = {
  decimals: 'integer',
  address_index: 'integer',
  created_at: 'bigint',
  priced_at: 'bigint',
};
const arrays = (columns: readonly string[], types: Partial<Record<string, string>>, first: number) =>
  columns.map((column, i) => `$${first + i}::${types[column] ?? 'text'}[]`).join(', ');

// One statement, so one commit: the orders (a taken merchant order id skipped), and the quotes of
// the orders it inserted. The foreign key is checked at the statement's end, when the orders exist.
const INSERT_SQL = `with new_orders as (
    insert into orders (${ORDER_COLUMNS.join(', ')})
    select * from unnest(${arrays(ORDER_COLUMNS, NUMERIC_COLUMNS, 1)})
    ${ON_ORDER_CONFLICT} returning order_id)
  insert into quotes (${QUOTE_COLUMNS.join(', ')})
  select * from unnest(${arrays(QUOTE_COLUMNS, QUOTE_TYPES, ORDER_COLUMNS.length + 1)}) as q(${QUOTE_COLUMNS.join(', ')})
  where q.order_id in (select order_id from new_orders)
  returning order_id, quote_id`;

/**
 * PostgreSQL, outside transactions: the bills of concurrent requests go in as one statement
 * (createWriteBatcher), one round trip and one commit for the batch where a transaction per bill
 * takes four. When the statement fails (it fails as a whole) its bills are written again one at
 * a time, each in its own transaction: every request gets its own outcome. Callers hear of their
 * bill only once the statement that wrote it has committed.
 */
export function createBatchedBillWriter(
  db: Kysely<Database>,
  { maxInFlight = 2, maxBatchSize = 500 } = {},
): BillWriter {
  const single = createBillWriter(db);
  const batcher = createWriteBatcher<Bill, InsertBillResult>({
    maxInFlight,
    maxBatchSize,
    async writeBatch(bills) {
      let quoteIds: Map<string, number>;
      try {
        quoteIds = await insertBillBatch(db, bills);
      } catch (error) {
        if (bills.length === 1) throw error;
        const outcomes: PromiseSettledResult<InsertBillResult>[] = [];
        for (const { order, quote } of bills) {
          const [outcome] = await Promise.allSettled([single.insertOrderWithQuote(order, quote)]);
          outcomes.push(outcome as PromiseSettledResult<InsertBillResult>);
        }
        return outcomes;
      }
      const settled = await settleOrderBatch(
        db,
        bills.map((bill) => bill.order),
        new Set(quoteIds.keys()),
      );
      return settled.map((outcome, i) => withQuote(outcome, bills[i] as Bill, quoteIds));
    },
  });
  return { insertOrderWithQuote: (order, quote) => batcher.submit({ order, quote }) };
}

/** A settled order of the batch as a bill: with its quote when the batch inserted it. */
function withQuote(
  outcome: PromiseSettledResult<InsertOrderResult>,
  { order, quote }: Bill,
  quoteIds: ReadonlyMap<string, number>,
): PromiseSettledResult<InsertBillResult> {
  if (outcome.status === 'rejected' || !outcome.value.inserted)
    return outcome as PromiseSettledResult<InsertBillResult>;
  const quoteId = quoteIds.get(order.orderId) as number;
  return {
    status: 'fulfilled',
    value: { inserted: true, order, quote: { ...quote, orderId: order.orderId, quoteId } },
  };
}

/** Writes `bills` in one statement; the quote id of each order it inserted, by order id. */
async function insertBillBatch(db: Kysely<Database>, bills: readonly Bill[]): Promise<Map<string, number>> {
  const orderRows = bills.map((bill) => toOrderValues(bill.order));
  const quoteRows = bills.map((bill) => toQuoteValues(bill.order, bill.quote));
  const parameters = [
    ...ORDER_COLUMNS.map((_, column) => orderRows.map((values) => values[column])),
    ...QUOTE_COLUMNS.map((_, column) => quoteRows.map((values) => values[column])),
  ];
  const { rows } = await db.executeQuery<{ order_id: string; quote_id: number | string }>(
    CompiledQuery.raw(INSERT_SQL, parameters),
  );
  return new Map(rows.map((row) => [row.order_id, Number(row.quote_id)]));
}
