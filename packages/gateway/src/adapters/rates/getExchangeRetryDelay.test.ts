// Guards against an exchange asked again before its Retry-After (an IP ban), or silenced for good by a nonsense one.
import { describe, expect, it } from 'vitest';
import { getExchangeRetryDelay } from './getExchangeRetryDelay.ts';

const BACKOFF = { initialMs: 1_000, maxMs: 60_000 };

describe('getExchangeRetryDelay', () => {
  it('backs off exponentially when the exchange sent no Retry-After', () => {
    const delays = [1, 2, 3, 7, 8].map((failures) =>
      getExchangeRetryDelay({ failures, retryAfterMs: null, ...BACKOFF }),
    );
    expect(delays).toEqual([1_000, 2_000, 4_000, 60_000, 60_000]);
  });

  it('waits at least the Retry-After, even past the backoff cap', () => {
    expect(getExchangeRetryDelay({ failures: 1, retryAfterMs: 120_000, ...BACKOFF })).toBe(120_000);
    expect(getExchangeRetryDelay({ failures: 3, retryAfterMs: 500, ...BACKOFF })).toBe(4_000);
  });

  it('caps a Retry-After at a day', () => {
    expect(getExchangeRetryDelay({ failures: 1, retryAfterMs: 10 * 86_400_000, ...BACKOFF })).toBe(86_400_000);
  });
});
