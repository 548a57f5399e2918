import { type Decimal, isZeroDecimal, parseDecimal } from '../../core/money/Decimal.ts';
import type { ExchangeName } from './ExchangeName.ts';
import { RateFetchError } from './RateFetchError.ts';

/**
 * Reads one price field exactly. Only a JSON string is accepted: a JSON number has already been
 * through a binary float by the time `JSON.parse` hands it over, so its digits cannot be trusted.
 */
export function parseExchangePrice(source: ExchangeName, pair: string, value: unknown): Decimal {
  if (typeof value !== 'string') {
    throw new RateFetchError({ source, kind: 'malformed', detail: `${pair}: price is not a string` });
  }
  const parsed = parseDecimal(value);
  if (!parsed.ok) {
    throw new RateFetchError({ source, kind: 'malformed', detail: `${pair}: price ${parsed.reason}` });
  }
  // A zero price would make every quote divide by zero; no listed market trades at zero.
  if (isZeroDecimal(parsed.value)) {
    throw new RateFetchError({ source, kind: 'malformed', detail: `${pair}: price is zero` });
  }
  return parsed.value;
}
