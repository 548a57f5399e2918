// Guards against webhook retries drifting from the published schedule or never stopping.
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEBHOOK_RETRY_SCHEDULE_SECONDS, getNextAttemptAt, getRetryDelay } from './getRetryDelay.ts';

const FIRST_ATTEMPT_AT_MS = Date.UTC(2025, 0, 1, 12, 0, 0);

describe('getRetryDelay', () => {
  it('is the spec §7 schedule: +30 s, +1 m 30 s, +3 m 30 s, +7 m 30 s, +15 m 30 s, +31 m 30 s', () => {
    const minutes = (m: number, s: number): number => (m * 60 + s) * 1000;
    expect([1, 2, 3, 4, 5, 6, 7].map((attemptsMade) => getRetryDelay({ attemptsMade }))).toEqual([
      minutes(0, 30),
      minutes(1, 30),
      minutes(3, 30),
      minutes(7, 30),
      minutes(15, 30),
      minutes(31, 30),
      null,
    ]);
    expect(DEFAULT_WEBHOOK_RETRY_SCHEDULE_SECONDS).toEqual([30, 90, 210, 450, 930, 1890]);
    expect(Object.isFrozen(DEFAULT_WEBHOOK_RETRY_SCHEDULE_SECONDS)).toBe(true);
  });

  it('gives up after the first attempt and six retries, also past the end', () => {
    expect(getRetryDelay({ attemptsMade: 7 })).toBeNull();
    expect(getRetryDelay({ attemptsMade: 100 })).toBeNull();
  });

  it('follows a configured schedule', () => {
    const scheduleSeconds = [5, 60];
    expect(getRetryDelay({ attemptsMade: 1, scheduleSeconds })).toBe(5_000);
    expect(getRetryDelay({ attemptsMade: 2, scheduleSeconds })).toBe(60_000);
    expect(getRetryDelay({ attemptsMade: 3, scheduleSeconds })).toBeNull();
    expect(getRetryDelay({ attemptsMade: 1, scheduleSeconds: [] })).toBeNull();
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses attemptsMade %s', (attemptsMade) => {
    expect(() => getRetryDelay({ attemptsMade })).toThrow(RangeError);
  });
});

describe('getNextAttemptAt', () => {
  it('counts every retry from the first attempt, not from the previous one', () => {
    const times = [1, 2, 3, 4, 5, 6, 7].map((attemptsMade) =>
      getNextAttemptAt({ firstAttemptAtMs: FIRST_ATTEMPT_AT_MS, attemptsMade }),
    );
    expect(times).toEqual([
      ...[30, 90, 210, 450, 930, 1890].map((seconds) => FIRST_ATTEMPT_AT_MS + seconds * 1000),
      null,
    ]);
  });

  it('is not shifted by a retry that ran on time', () => {
    // The second attempt started on time at +30 s; the third is due at +90 s.
    expect(
      getNextAttemptAt({
        firstAttemptAtMs: FIRST_ATTEMPT_AT_MS,
        lastAttemptAtMs: FIRST_ATTEMPT_AT_MS + 30_000,
        attemptsMade: 2,
      }),
    ).toBe(FIRST_ATTEMPT_AT_MS + 90_000);
  });

  it('keeps the schedule gap after a late attempt instead of firing overdue retries back to back', () => {
    // The dispatcher was down: the second attempt only started at +40 min, past every offset.
    const lastAttemptAtMs = FIRST_ATTEMPT_AT_MS + 40 * 60_000;
    expect(getNextAttemptAt({ firstAttemptAtMs: FIRST_ATTEMPT_AT_MS, lastAttemptAtMs, attemptsMade: 2 })).toBe(
      lastAttemptAtMs + 60_000,
    );
    expect(getNextAttemptAt({ firstAttemptAtMs: FIRST_ATTEMPT_AT_MS, lastAttemptAtMs, attemptsMade: 6 })).toBe(
      lastAttemptAtMs + 960_000,
    );
    expect(
      getNextAttemptAt({
        firstAttemptAtMs: FIRST_ATTEMPT_AT_MS,
        lastAttemptAtMs: FIRST_ATTEMPT_AT_MS,
        attemptsMade: 1,
      }),
    ).toBe(FIRST_ATTEMPT_AT_MS + 30_000);
    expect(getNextAttemptAt({ firstAttemptAtMs: FIRST_ATTEMPT_AT_MS, lastAttemptAtMs, attemptsMade: 7 })).toBeNull();
  });
});
