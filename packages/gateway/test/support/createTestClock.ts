import type { Clock } from '../../src/core/ports.ts';

/** A clock tests move by hand. */
export type TestClock = Clock & { set(ms: number): void; advance(ms: number): void };

/** A manual clock starting at `startMs`. */
export function createTestClock(startMs = Date.UTC(2026, 10, 20, 12, 0, 0)): TestClock {
  let now = startMs;
  return {
    now: () => now,
    set: (ms) => {
      now = ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}
