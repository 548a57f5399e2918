// Guards against error loops that hammer a dead dependency (no growth) or stall for good (no cap).
import { describe, expect, it } from 'vitest';
import { getBackoffDelay } from './getBackoffDelay.ts';

describe('getBackoffDelay', () => {
  it('doubles from the initial wait per failure in a row, up to the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((failures) =>
      getBackoffDelay({ failures, initialMs: 500, maxMs: 30_000 }),
    );
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000]);
  });

  it('stays at the cap however long the failures last', () => {
    expect(getBackoffDelay({ failures: 1_000, initialMs: 1_000, maxMs: 300_000 })).toBe(300_000);
    expect(getBackoffDelay({ failures: Number.MAX_SAFE_INTEGER, initialMs: 1, maxMs: 5_000 })).toBe(5_000);
  });

  it('caps even the first wait', () => {
    expect(getBackoffDelay({ failures: 1, initialMs: 10_000, maxMs: 5_000 })).toBe(5_000);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %s failures', (failures) => {
    expect(() => getBackoffDelay({ failures, initialMs: 1, maxMs: 2 })).toThrow(RangeError);
  });
});
