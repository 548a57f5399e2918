import type { Decimal } from '../../core/money/Decimal.ts';
import type { RateLookup } from '../../core/RateSource.ts';

/** A price as one exchange quoted it, stamped when it was asked for. */
export type ObservedPrice = { readonly price: Decimal; readonly asOfMs: number };

/**
 * The rate the fresh prices of one token agree on: their median, as old as the oldest of them;
 * `disagree` when (max − min) / median exceeds `maxSpread`. `fresh` must not be empty.
 */
export function getConsensusRate(fresh: readonly ObservedPrice[], maxSpread: Decimal): RateLookup {
  const sorted = fresh.map((observed) => observed.price).sort(compareDecimals);
  const median = getMedian(sorted);
  const lowest = sorted[0] ?? median;
  const highest = sorted[sorted.length - 1] ?? median;
  // (max − min) / median > maxSpread, multiplied out so no division (and no rounding) happens.
  const spread = subtractDecimals(highest, lowest);
  if (compareDecimals(spread, multiplyDecimals(maxSpread, median)) > 0) {
    return { ok: false, reason: 'disagree' };
  }
  const asOfMs = Math.min(...fresh.map((observed) => observed.asOfMs));
  return { ok: true, rate: trimDecimal(median), asOfMs };
}

function alignDecimals(a: Decimal, b: Decimal): { a: bigint; b: bigint; scale: number } {
  const scale = Math.max(a.scale, b.scale);
  return { a: a.units * 10n ** BigInt(scale - a.scale), b: b.units * 10n ** BigInt(scale - b.scale), scale };
}

function compareDecimals(a: Decimal, b: Decimal): number {
  const aligned = alignDecimals(a, b);
  return aligned.a === aligned.b ? 0 : aligned.a < aligned.b ? -1 : 1;
}

function subtractDecimals(a: Decimal, b: Decimal): Decimal {
  const aligned = alignDecimals(a, b);
  return { units: aligned.a - aligned.b, scale: aligned.scale };
}

function multiplyDecimals(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

// For an even count the median is the mean of the middle two, kept exact: halving an odd sum
// adds one decimal place (x / 2 = 5x / 10) instead of rounding.
function getMedian(sorted: readonly Decimal[]): Decimal {
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle];
  if (upper === undefined) throw new RangeError('median of no prices');
  if (sorted.length % 2 === 1) return upper;
  const lower = sorted[middle - 1] ?? upper;
  const aligned = alignDecimals(lower, upper);
  const sum = aligned.a + aligned.b;
  return sum % 2n === 0n ? { units: sum / 2n, scale: aligned.scale } : { units: sum * 5n, scale: aligned.scale + 1 };
}

// Exchanges pad prices ("3456.78000000"); drop the padding so rates stay short where they are stored.
function trimDecimal(d: Decimal): Decimal {
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}
