import { findNewestQuote } from '../core/findNewestQuote.ts';
import { InvalidParamError } from '../core/InvalidParamError.ts';
import type { Order } from '../core/Order.ts';
import type { Quote } from '../core/Quote.ts';
import { requireToken } from '../core/requireToken.ts';
import { TooManyQuotesError } from '../core/TooManyQuotesError.ts';
import { type CreateQuoteDeps, createQuote } from './createQuote.ts';
import { getXpubId } from './getXpubId.ts';
import { type RefreshQuoteDeps, refreshQuote } from './refreshQuote.ts';

/** What quoting needs (in its own transaction), and re-pricing a re-picked quote. */
export type SelectCoinDeps = Omit<CreateQuoteDeps, 'tx'> & RefreshQuoteDeps;

export type SelectCoinParameters = {
  readonly order: Order;
  /** The coin and network the buyer picked. */
  readonly tokenId: string;
};

/**
 * Quotes one order may have: the first pick and nine changes. Addresses are already bounded (one
 * per network), but every quote is a rate lookup, a row and a watched entry for days; a buyer
 * comparing coins needs a few, and ten leaves room to try each network a shop offers and come back.
 */
export const MAX_QUOTES_PER_ORDER = 10;

/**
 * The buyer picks a coin: returns the quote to show. Picking the coin of the newest quote again
 * returns that quote; another coin makes a new quote, at the address the order already has on that
 * network (a wallet that stops at an address gap still sees it), else at a new one, while every
 * earlier address stays watched. At most `MAX_QUOTES_PER_ORDER` quotes. Once any payment of the
 * order was seen, and for orders whose coin the merchant chose (`bill/create`), the coin is fixed.
 */
export async function selectCoin(deps: SelectCoinDeps, { order, tokenId }: SelectCoinParameters): Promise<Quote> {
  // The app's coins may have changed since the page was shown: the pick is checked against them now.
  const app = await deps.store.apps.findApp(order.appId);
  const found = requireToken(deps.networks, tokenId, app ?? undefined);
  const picked = await deps.store.transaction(async (tx) => {
    // Reading the quotes and writing one must be one step, or concurrent picks (two tabs, a
    // double click, two processes) each see "no such quote" and each write one: the order's row
    // lock makes them take turns.
    await tx.orders.lockOrder(order.orderId);
    const [quotes, payments] = await Promise.all([
      tx.quotes.listQuotesForOrders([order.orderId]),
      tx.payments.listPaymentsForOrders([order.orderId]),
    ]);
    const newest = findNewestQuote(quotes);
    if (newest !== null && newest.tokenId === tokenId) return { quote: newest, isNew: false };
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
    if (quotes.length >= MAX_QUOTES_PER_ORDER) throw new TooManyQuotesError({ maxQuotes: MAX_QUOTES_PER_ORDER });
    // Only an address of the network's current xpub: one from a replaced key would pay an old wallet.
    const xpubId = getXpubId(found.network.xpub);
    const onNetwork = quotes.findLast((q) => q.networkKey === found.network.key && q.xpubId === xpubId);
    const quote = await createQuote(
      { ...deps, tx },
      {
        order,
        ...found,
        ...(onNetwork === undefined ? {} : { depositAddress: onNetwork }),
      },
    );
    return { quote, isNew: true };
  });
  // The same coin again: the same quote, re-priced if its price outlived the coin's quote lifetime.
  return picked.isNew ? picked.quote : refreshQuote(deps, { order, quote: picked.quote });
}
