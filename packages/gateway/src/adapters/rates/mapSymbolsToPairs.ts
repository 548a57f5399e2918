import type { ExchangeName } from './ExchangeName.ts';
import { RateFetchError } from './RateFetchError.ts';

// What may go into a pair name unescaped: a symbol that is not this cannot be one of an exchange's pairs.
const SYMBOL = /^[A-Z0-9]{1,20}$/;

/**
 * Each of our symbols (as given) with the exchange's pair name for it, from `toPair` applied to the
 * upper-cased symbol. A symbol that cannot be a pair name is refused before any request is made.
 */
export function mapSymbolsToPairs(
  source: ExchangeName,
  symbols: readonly string[],
  toPair: (upperCaseSymbol: string) => string,
): Map<string, string> {
  return new Map(
    symbols.map((symbol) => {
      const upper = symbol.toUpperCase();
      if (!SYMBOL.test(upper)) {
        throw new RateFetchError({ source, kind: 'missing_symbol', detail: `not a symbol: ${symbol}` });
      }
      return [symbol, toPair(upper)];
    }),
  );
}
