/** How long a quote of a non-stable coin keeps its price, per symbol (upper case) with a default. */
export type QuoteLifetimes = {
  readonly defaultSeconds: number;
  readonly bySymbol: Readonly<Record<string, number>>;
};

/** A quote's price lifetime in seconds for `symbol`, matched without regard to case. */
export function getQuoteLifetimeSeconds(lifetimes: QuoteLifetimes, symbol: string): number {
  const upper = symbol.toUpperCase();
  return Object.hasOwn(lifetimes.bySymbol, upper)
    ? (lifetimes.bySymbol[upper] ?? lifetimes.defaultSeconds)
    : lifetimes.defaultSeconds;
}
