// Risk: client-chosen keys (addresses) filling the limiter's memory without bound, or a bound that lets a limited client through.
import { describe, expect, it } from 'vitest';
import { createWindowRateLimiter, MAX_RATE_LIMIT_KEYS } from './createWindowRateLimiter.ts';

const WINDOW_MS = 60_000;

describe('createWindowRateLimiter', () => {
  it('holds at most MAX_RATE_LIMIT_KEYS keys after more distinct keys than that within one window', () => {
    const limiter = createWindowRateLimiter({ limit: 10, windowMs: WINDOW_MS });
    const t0 = 1_000_000;
    for (let i = 0; i < MAX_RATE_LIMIT_KEYS + 20_000; i++) limiter.tryTake(`10.${i}`, t0 + (i % 1000));
    expect(limiter.size()).toBe(MAX_RATE_LIMIT_KEYS);
  });

  it('holds at most maxKeys keys, dropping the key whose window is oldest first', () => {
    const limiter = createWindowRateLimiter({ limit: 2, windowMs: WINDOW_MS, maxKeys: 3 });
    for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) limiter.tryTake(key, 1000 + i);
    expect(limiter.size()).toBe(3);
    // `a` was dropped: it starts over; `b` kept its count and is refused its third request.
    expect([limiter.tryTake('a', 1010), limiter.tryTake('a', 1011), limiter.tryTake('a', 1012)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(limiter.size()).toBe(3);
  });

  it('drops keys whose window has passed as soon as a new key comes, however few keys there are', () => {
    const limiter = createWindowRateLimiter({ limit: 5, windowMs: WINDOW_MS });
    for (let i = 0; i < 50; i++) limiter.tryTake(`old-${i}`, 1000 + i);
    limiter.tryTake('new', 1000 + WINDOW_MS + 50);
    expect(limiter.size()).toBe(1);
  });

  it('keeps counting a busy key while thousands of other keys come and go', () => {
    const limiter = createWindowRateLimiter({ limit: 3, windowMs: WINDOW_MS, maxKeys: 1000 });
    const busy = [1, 2, 3, 4].map((i) => limiter.tryTake('busy', i));
    for (let i = 0; i < 5000; i++) limiter.tryTake(`other-${i}`, 10 + i);
    expect(busy).toEqual([true, true, true, false]);
    // Pushed out by the flood (its window was the oldest): a fresh budget, never more than `limit` per window.
    const later = [1, 2, 3, 4].map((i) => limiter.tryTake('busy', 20_000 + i));
    expect(later).toEqual([true, true, true, false]);
    // A key whose window restarted moves behind the others and outlives them.
    for (let i = 0; i < 999; i++) limiter.tryTake(`late-${i}`, 30_000 + i);
    expect(limiter.tryTake('busy', 31_000)).toBe(false);
  });

  it('limits nothing and holds nothing with a limit of 0', () => {
    const limiter = createWindowRateLimiter({ limit: 0, windowMs: WINDOW_MS });
    expect(Array.from({ length: 100 }, (_, i) => limiter.tryTake('k', i)).every(Boolean)).toBe(true);
    expect(limiter.size()).toBe(0);
  });
});
