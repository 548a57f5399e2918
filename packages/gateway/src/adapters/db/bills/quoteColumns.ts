import type { Order } from '../../../core/Order.ts';
import type { BillQuote } from '../../../core/ports.ts';
import type { QuotesTable } from '../schema.ts';

/** Every column of `quotes` a writer sets (the id is the database's), in the order bill writers write them. */
export const QUOTE_COLUMNS = [
  'order_id',
  'network_key',
  'token_id',
  'symbol',
  'contract',
  'decimals',
  'token_rate',
  'amount',
  'address',
  'address_index',
  'xpub_id',
  'created_at',
  'priced_at',
] as const satisfies readonly (keyof QuotesTable)[];

/** The column values of `order`'s quote, in {@link QUOTE_COLUMNS} order. */
export function toQuoteValues(order: Order, quote: BillQuote): QuotesTable[(typeof QUOTE_COLUMNS)[number]][] {
  return [
    order.orderId,
    quote.networkKey,
    quote.tokenId,
    quote.symbol,
    quote.contract,
    quote.decimals,
    quote.tokenRate,
    quote.amount.toString(),
    quote.address,
    quote.addressIndex,
    quote.xpubId,
    quote.createdAtMs,
    quote.pricedAtMs,
  ];
}

/** The INSERT of one quote, `?` placeholders (SQLite), returning its id. */
export const INSERT_QUOTE_SQL = `insert into quotes (${QUOTE_COLUMNS.join(', ')})
  values (${QUOTE_COLUMNS.map(() => '?').join(', ')}) returning quote_id`;
