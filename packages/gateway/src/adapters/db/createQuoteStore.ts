import type { Kysely, Selectable } from 'kysely';
import type { QuoteStore } from '../../core/ports.ts';
import type { Quote } from '../../core/Quote.ts';
import type { BillWriter } from './bills/BillWriter.ts';
import { createBillWriter } from './bills/createBillWriter.ts';
import type { Database, QuotesTable } from './schema.ts';

/** Quotes in the database; `billWriter` writes an order with its first quote. */
export function createQuoteStore(db: Kysely<Database>, billWriter: BillWriter = createBillWriter(db)): QuoteStore {
  return {
    insertOrderWithQuote: (order, quote) => billWriter.insertOrderWithQuote(order, quote),
    async listQuotesForOrders(orderIds) {
      if (orderIds.length === 0) return [];
      const rows = await db
        .selectFrom('quotes')
        .selectAll()
        .where('order_id', 'in', [...orderIds])
        .orderBy('quote_id')
        .execute();
      return rows.map(toQuote);
    },
    async insertQuote(quote) {
      const { quote_id } = await db
        .insertInto('quotes')
        .values({
          order_id: quote.orderId,
          network_key: quote.networkKey,
          token_id: quote.tokenId,
          symbol: quote.symbol,
          contract: quote.contract,
          decimals: quote.decimals,
          token_rate: quote.tokenRate,
          amount: quote.amount.toString(),
          address: quote.address,
          address_index: quote.addressIndex,
          xpub_id: quote.xpubId,
          created_at: quote.createdAtMs,
          priced_at: quote.pricedAtMs,
        })
        .returning('quote_id')
        .executeTakeFirstOrThrow();
      return { ...quote, quoteId: Number(quote_id) };
    },
    async listWatchedQuotes(networkKey, nowMs, afterQuoteId, limit) {
      let query = db
        .selectFrom('quotes')
        .innerJoin('orders', 'orders.order_id', 'quotes.order_id')
        .selectAll('quotes')
        .select('orders.watch_until')
        .where('quotes.network_key', '=', networkKey)
        .where('quotes.quote_id', '>', afterQuoteId)
        .where('orders.watch_until', '>', nowMs)
        .orderBy('quotes.quote_id');
      if (limit !== undefined) query = query.limit(limit);
      const rows = await query.execute();
      return rows.map((row) => ({ ...toQuote(row), watchUntilMs: Number(row.watch_until) }));
    },
    async repriceUnpaidQuote({ quoteId, pricedAtMs, tokenRate, amount, nowMs }) {
      // One statement: the price it replaces and the absence of payments are checked where the row
      // is written, so two buyers' tabs (or two processes) cannot both re-price, and a payment
      // recorded first keeps the amount it was made against.
      const result = await db
        .updateTable('quotes')
        .set({ token_rate: tokenRate, amount: amount.toString(), priced_at: nowMs })
        .where('quote_id', '=', quoteId)
        .where('priced_at', '=', pricedAtMs)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('payments').select('payments.record_id').whereRef('payments.order_id', '=', 'quotes.order_id'),
            ),
          ),
        )
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
  };
}

/** Maps a row to a quote. */
export function toQuote(row: Selectable<QuotesTable>): Quote {
  return {
    quoteId: Number(row.quote_id),
    orderId: row.order_id,
    networkKey: row.network_key,
    tokenId: row.token_id,
    symbol: row.symbol,
    contract: row.contract,
    decimals: row.decimals,
    tokenRate: row.token_rate,
    amount: BigInt(row.amount),
    address: row.address,
    addressIndex: row.address_index,
    xpubId: row.xpub_id,
    createdAtMs: Number(row.created_at),
    pricedAtMs: Number(row.priced_at),
  };
}
