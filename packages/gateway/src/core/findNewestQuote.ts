import type { Quote } from './Quote.ts';

/** The quote the buyer is asked to pay now: the one with the highest id, in any order; null when none. */
export function findNewestQuote(quotes: readonly Quote[]): Quote | null {
  return quotes.reduce<Quote | null>((newest, q) => (newest === null || q.quoteId > newest.quoteId ? q : newest), null);
}
