import type { Decimal } from '../../core/money/Decimal.ts';
import type { ExchangeName } from './ExchangeName.ts';
import { parseExchangePrice } from './parseExchangePrice.ts';
import { RateFetchError } from './RateFetchError.ts';

/** An exchange's answer by pair name: whether it names the pair, and its price field if so. */
export type PairPrices = Pick<ReadonlyMap<string, unknown>, 'has' | 'get'>;

/**
 * Each symbol's price from an exchange's answer, keyed by the symbol as given. A pair asked for but
 * missing from the answer is a `missing_symbol` error; a price field that is not exact, a `malformed` one.
 */
export function readPairPrices(
  source: ExchangeName,
  pairBySymbol: ReadonlyMap<string, string>,
  answer: PairPrices,
): Map<string, Decimal> {
  const prices = new Map<string, Decimal>();
  for (const [symbol, pair] of pairBySymbol) {
    if (!answer.has(pair)) throw new RateFetchError({ source, kind: 'missing_symbol', detail: pair });
    prices.set(symbol, parseExchangePrice(source, pair, answer.get(pair)));
  }
  return prices;
}
