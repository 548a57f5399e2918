// Guards against quoting with no fresh rate (a wrong price) or failing without the typed `rate_unavailable`.
import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimal } from './money/Decimal.ts';
import type { RateLookup, RateSource } from './RateSource.ts';
import { RateUnavailableError } from './RateUnavailableError.ts';
import { requireFreshRate } from './requireFreshRate.ts';

const sourceOf = (lookup: RateLookup): RateSource => ({ getRate: () => lookup });

describe('requireFreshRate', () => {
  it('returns the fresh rate', () => {
    const parsed = parseDecimal('2000.5');
    if (!parsed.ok) throw new Error('test rate does not parse');
    const rate = requireFreshRate(sourceOf({ ok: true, rate: parsed.value, asOfMs: 0 }), 'ETH');
    expect(formatDecimal(rate)).toBe('2000.5');
  });

  it.each(['missing', 'stale', 'disagree'] as const)('refuses a %s rate as rate_unavailable', (reason) => {
    const run = () => requireFreshRate(sourceOf({ ok: false, reason }), 'ETH');
    expect(run).toThrow(RateUnavailableError);
    expect(run).toThrow(
      expect.objectContaining({
        code: 'rate_unavailable',
        symbol: 'ETH',
        reason,
        message: `no fresh exchange rate for ETH (${reason}); try again shortly`,
      }),
    );
  });
});
