import type { Order } from '../Order.ts';
import type { Quote } from '../Quote.ts';

/** A quote before the database numbered it. */
export type NewQuote = Omit<Quote, 'quoteId'>;

/** An order's first quote before either exists: it takes the order's id. */
export type BillQuote = Omit<NewQuote, 'orderId'>;

export type InsertBillResult =
  | { readonly inserted: true; readonly order: Order; readonly quote: Quote }
  /** The (app, merchant_order_id) pair existed: here is the order that holds it; nothing was written. */
  | { readonly inserted: false; readonly order: Order };

/** A quote whose address is still watched, with the moment it stops being watched. */
export type WatchedQuote = Quote & {
  /** The order's `watch_until`: expiry plus the late-payment window. */
  readonly watchUntilMs: number;
};

export type QuoteStore = {
  /** Every quote of these orders, oldest first. */
  listQuotesForOrders(orderIds: readonly string[]): Promise<Quote[]>;
  /** Inserts a quote and returns it with its id. */
  insertQuote(quote: NewQuote): Promise<Quote>;
  /**
   * Inserts `order` with its first quote in one commit, unless the app already has the order's
   * merchant order id: then nothing is written and the stored order comes back. Resolves once
   * committed. Outside a transaction the bills of concurrent callers may share one commit.
   */
  insertOrderWithQuote(order: Order, quote: BillQuote): Promise<InsertBillResult>;
  /**
   * Quotes on `networkKey` with id above `afterQuoteId` whose order is watched at `nowMs`
   * (`watch_until > nowMs`), by ascending id: the watcher's address set, loaded incrementally.
   * Ids are assigned at insert and may commit out of order under concurrency, so a caller that
   * follows by id should reload from 0 now and then (or re-read a margin below its last id).
   * At most `limit` quotes when given: a caller pages through a large set rather than hold it whole.
   */
  listWatchedQuotes(networkKey: string, nowMs: number, afterQuoteId: number, limit?: number): Promise<WatchedQuote[]>;
  /**
   * Sets a new rate and amount (same address) when the quote is still priced at `pricedAtMs` and
   * its order has no payment at all, in one conditional UPDATE; false when another caller re-priced
   * it first or a payment arrived.
   */
  repriceUnpaidQuote(p: RepriceQuote): Promise<boolean>;
};

/** A new price for an existing quote, conditional on the price it replaces. */
export type RepriceQuote = {
  readonly quoteId: number;
  /** The `priced_at` the caller saw: a concurrent re-pricing changes it and makes this one a no-op. */
  readonly pricedAtMs: number;
  readonly tokenRate: string;
  readonly amount: bigint;
  readonly nowMs: number;
};
