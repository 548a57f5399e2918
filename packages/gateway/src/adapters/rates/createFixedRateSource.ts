import { type Decimal, isZeroDecimal, parseDecimal } from '../../core/money/Decimal.ts';
import type { RateLookup, RateSource } from '../../core/RateSource.ts';

/** Dollar stablecoins priced at exactly 1 USD unless told otherwise. */
export const DEFAULT_STABLECOINS: readonly string[] = ['USDT', 'USDC', 'DAI', 'FDUSD', 'PYUSD', 'TUSD', 'USDP'];

export type CreateFixedRateSourceParameters = {
  /** Symbols worth exactly 1 USD; defaults to `DEFAULT_STABLECOINS`. */
  readonly stablecoins?: readonly string[];
  /** Other symbols at a fixed USD price, as exact decimal strings (`{ "ETH": "3000" }`); wins over `stablecoins`. */
  readonly prices?: Readonly<Record<string, string>>;
  /** Stamps `asOfMs`; a fixed price is as fresh as the moment it is read. */
  readonly now?: () => number;
};

const ONE_USD: Decimal = { units: 1n, scale: 0 };

/**
 * A rate source that never changes: stablecoins at 1 USD and operator-set prices. It is the
 * default source and the one tests and `kassa dev` use. Throws on a price that is not a positive
 * plain decimal, so a bad config fails at start and not at the first quote.
 */
export function createFixedRateSource({
  stablecoins = DEFAULT_STABLECOINS,
  prices = {},
  now = Date.now,
}: CreateFixedRateSourceParameters = {}): RateSource {
  const rates = new Map<string, Decimal>();
  for (const symbol of stablecoins) rates.set(symbol.toUpperCase(), ONE_USD);
  for (const [symbol, text] of Object.entries(prices)) {
    const parsed = parseDecimal(text);
    if (!parsed.ok) throw new RangeError(`fixed price for ${symbol}: ${parsed.reason}`);
    // A zero price would make every quote divide by zero.
    if (isZeroDecimal(parsed.value)) throw new RangeError(`fixed price for ${symbol}: must be above zero`);
    rates.set(symbol.toUpperCase(), parsed.value);
  }
  return {
    getRate(symbol: string): RateLookup {
      const rate = rates.get(symbol.toUpperCase());
      if (rate === undefined) return { ok: false, reason: 'missing' };
      return { ok: true, rate, asOfMs: now() };
    },
  };
}
