import { readInteger } from '../read/readInteger.ts';

const MIN_QUOTE_LIFETIME_SECONDS = 60;
const MAX_QUOTE_LIFETIME_SECONDS = 864_000;

/** Reads how long a quote keeps its price, from a minute to ten days. */
export function readQuoteLifetime(value: unknown, setting: string): number {
  return readInteger(value, setting, MIN_QUOTE_LIFETIME_SECONDS, MAX_QUOTE_LIFETIME_SECONDS);
}
