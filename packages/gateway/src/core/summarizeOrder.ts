import { findNewestQuote } from './findNewestQuote.ts';
import { type GetOrderStatusReturnType, getOrderStatus } from './getOrderStatus.ts';
import { convertBetweenTokens } from './money/convertBetweenTokens.ts';
import { type Decimal, parseDecimal } from './money/Decimal.ts';
import type { Order } from './Order.ts';
import type { Payment } from './Payment.ts';
import type { Quote } from './Quote.ts';

export type SummarizeOrderParameters = {
  readonly order: Order;
  /** The order's quotes, any order; the one with the highest id is the newest. */
  readonly quotes: readonly Quote[];
  /** The order's payments, any status; only `success` ones count. */
  readonly payments: readonly Payment[];
  readonly tolerance: Decimal;
  readonly nowMs: number;
};

export type OrderSummary = GetOrderStatusReturnType & {
  /** The quote the buyer is asked to pay now; null before a coin was picked. */
  readonly newestQuote: Quote | null;
};

/**
 * Derives an order's state from its quotes, payments and the clock. Payments made to an older
 * quote's address (the buyer changed coin) count by their USD value at their own quote's rate,
 * converted into the newest quote's coin and rounded down.
 */
export function summarizeOrder({ order, quotes, payments, tolerance, nowMs }: SummarizeOrderParameters): OrderSummary {
  const newestQuote = findNewestQuote(quotes);
  const quoteById = new Map(quotes.map((q) => [q.quoteId, q]));
  const counted = payments.flatMap((p) => {
    if (p.status !== 'success' || p.confirmedAtMs === null || newestQuote === null) return [];
    const quote = quoteById.get(p.quoteId);
    if (quote === undefined) return [];
    const amount =
      quote.quoteId === newestQuote.quoteId || quote.tokenId === newestQuote.tokenId
        ? p.amount
        : convertBetweenTokens(p.amount, pricingOf(quote), pricingOf(newestQuote));
    return [{ amount, confirmedAtMs: p.confirmedAtMs }];
  });
  const status = getOrderStatus({
    amountDue: newestQuote?.amount ?? null,
    tolerance,
    expiresAtMs: order.expiresAtMs,
    nowMs,
    payments: counted,
  });
  return { ...status, newestQuote };
}

function pricingOf(quote: Quote): { rate: Decimal; decimals: number } {
  const parsed = parseDecimal(quote.tokenRate);
  // An invariant, not a caller's mistake: quotes are stored with the canonical decimal of their rate.
  if (!parsed.ok) throw new Error(`quote ${quote.quoteId} holds an invalid rate: ${parsed.reason}`);
  return { rate: parsed.value, decimals: quote.decimals };
}
