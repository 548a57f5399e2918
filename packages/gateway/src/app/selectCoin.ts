import { findToken } from '../core/findToken.ts';
import { InvalidParamError, KassaError } from '../core/KassaError.ts';
import type { Order } from '../core/Order.ts';
import type { Quote } from '../core/Quote.ts';
import { type CreateQuoteDeps, createQuote } from './createQuote.ts';
import { type RefreshQuoteDeps, refreshQuote } from './refreshQuote.ts';

/** What quoting needs, and re-pricing a re-picked quote (store and networks among them). */
export type SelectCoinDeps = CreateQuoteDeps & RefreshQuoteDeps;

export type SelectCoinParameters = {
  readonly order: Order;
  /** The coin and network the buyer picked. */
  readonly tokenId: string;
};

/**
 * The buyer picks a coin: returns the quote to show. Picking the coin of the newest quote again
 * returns that quote (no address is burnt); another coin makes a new quote with a new address,
 * while every earlier address stays watched. Once any payment of the order was seen, and for
 * orders whose coin the merchant chose (`bill/create`), the coin is fixed.
 */
export async function selectCoin(deps: SelectCoinDeps, { order, tokenId }: SelectCoinParameters): Promise<Quote> {
  const found = findToken(deps.networks, tokenId);
  if (found === null) {
    throw new KassaError({ code: 'unsupported_token', message: `token_id: ${tokenId} is not offered on any network` });
  }
  const [quotes, payments] = await Promise.all([
    deps.store.quotes.listQuotesForOrders([order.orderId]),
    deps.store.payments.listPaymentsForOrders([order.orderId]),
  ]);
  const newest = quotes.reduce<Quote | null>((a, q) => (a === null || q.quoteId > a.quoteId ? q : a), null);
  // The same coin again: the same quote, re-priced if its price outlived the coin's quote lifetime.
  if (newest !== null && newest.tokenId === tokenId) return refreshQuote(deps, { order, quote: newest });
  if (newest !== null && (payments.length > 0 || order.kind === 'native')) {
    const why = payments.length > 0 ? 'a payment was already received in' : 'the merchant chose';
    throw new InvalidParamError({
      field: 'token_id',
      rule: `cannot change the coin of this order: ${why} ${newest.symbol} on ${newest.networkKey}`,
    });
  }
  if (deps.clock.now() >= order.expiresAtMs) {
    throw new InvalidParamError({ field: 'order', rule: 'expired' });
  }
  return createQuote(deps, deps.store, { order, ...found });
}
