import { getQuoteLifetimeSeconds } from '../core/getQuoteLifetimeSeconds.ts';
import { convertUsdToToken } from '../core/money/convertUsdToToken.ts';
import { formatDecimal } from '../core/money/Decimal.ts';
import type { Order } from '../core/Order.ts';
import type { Quote } from '../core/Quote.ts';
import { requireFreshRate } from '../core/requireFreshRate.ts';
import type { Deps } from './Deps.ts';

export type RefreshQuoteDeps = Pick<Deps, 'store' | 'clock' | 'networks' | 'rateSource' | 'quoteLifetimes'>;

export type RefreshQuoteParameters = {
  readonly order: Order;
  /** The quote about to be shown (normally the order's newest). */
  readonly quote: Quote;
};

/**
 * Re-prices a quote of a non-stable coin whose price outlived its lifetime, when the buyer looks
 * at it again: a fresh rate and amount, the same address. A quote is kept as it is while fresh,
 * for stablecoins, token-denominated and expired orders, and once any payment of the order was
 * seen. A stale rate at that moment is `rate_unavailable`. Idempotent and safe to call from
 * several requests at once: one conditional UPDATE wins, the others return what it wrote.
 */
export async function refreshQuote(deps: RefreshQuoteDeps, { order, quote }: RefreshQuoteParameters): Promise<Quote> {
  const nowMs = deps.clock.now();
  // Token-denominated orders owe a fixed token amount: the rate does not change what is due.
  if (order.priceUsdCents === null) return quote;
  // After expiry nothing more is asked of the buyer; late funds are judged against the last price.
  if (nowMs >= order.expiresAtMs) return quote;
  const token = deps.networks.find((n) => n.key === quote.networkKey)?.tokens.find((t) => t.tokenId === quote.tokenId);
  if (token === undefined || token.isStable) return quote;
  const lifetimeMs = getQuoteLifetimeSeconds(deps.quoteLifetimes, quote.symbol) * 1000;
  if (nowMs - quote.pricedAtMs < lifetimeMs) return quote;

  // A buyer who already paid (even a part, even unconfirmed) paid against this amount: keep it.
  const payments = await deps.store.payments.listPaymentsForOrders([order.orderId]);
  if (payments.length > 0) return quote;

  const rate = requireFreshRate(deps.rateSource, quote.symbol);
  const tokenRate = formatDecimal(rate);
  const amount = convertUsdToToken(order.priceUsdCents, rate, quote.decimals);
  const isRepriced = await deps.store.quotes.repriceUnpaidQuote({
    quoteId: quote.quoteId,
    pricedAtMs: quote.pricedAtMs,
    tokenRate,
    amount,
    nowMs,
  });
  if (isRepriced) return { ...quote, tokenRate, amount, pricedAtMs: nowMs };
  // Another request re-priced it first, or a payment just arrived: show what the database holds.
  const current = await deps.store.quotes.listQuotesForOrders([order.orderId]);
  return current.find((q) => q.quoteId === quote.quoteId) ?? quote;
}
