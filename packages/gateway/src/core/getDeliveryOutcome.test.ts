// Guards against a webhook marked delivered without an acknowledgement, retried off the §7 schedule, or retried for a deleted app.
import { describe, expect, it } from 'vitest';
import { type GetDeliveryOutcomeParameters, getDeliveryOutcome } from './getDeliveryOutcome.ts';

const FIRST_AT_MS = 1_700_000_000_000;
const SCHEDULE_SECONDS = [30, 90, 210];

const failedAttempt = (overrides: Partial<GetDeliveryOutcomeParameters> = {}): GetDeliveryOutcomeParameters => ({
  delivered: false,
  canRetry: true,
  firstAttemptAtMs: FIRST_AT_MS,
  startedAtMs: FIRST_AT_MS,
  answeredAtMs: FIRST_AT_MS + 120,
  attemptsMade: 1,
  scheduleSeconds: SCHEDULE_SECONDS,
  ...overrides,
});

describe('getDeliveryOutcome', () => {
  it('counts an acknowledged attempt as delivered when its answer came in', () => {
    expect(getDeliveryOutcome(failedAttempt({ delivered: true }))).toEqual({
      state: 'delivered',
      atMs: FIRST_AT_MS + 120,
    });
  });

  it('schedules the next retry as an offset from the first attempt', () => {
    expect(getDeliveryOutcome(failedAttempt())).toEqual({ state: 'pending', nextAttemptAtMs: FIRST_AT_MS + 30_000 });
    expect(getDeliveryOutcome(failedAttempt({ attemptsMade: 2, startedAtMs: FIRST_AT_MS + 30_000 }))).toEqual({
      state: 'pending',
      nextAttemptAtMs: FIRST_AT_MS + 90_000,
    });
  });

  it('keeps the schedule gap after a late attempt instead of firing the overdue retries back to back', () => {
    const startedAtMs = FIRST_AT_MS + 600_000;
    expect(getDeliveryOutcome(failedAttempt({ attemptsMade: 2, startedAtMs }))).toEqual({
      state: 'pending',
      nextAttemptAtMs: startedAtMs + 60_000,
    });
  });

  it('fails the delivery once the schedule is used up', () => {
    expect(getDeliveryOutcome(failedAttempt({ attemptsMade: 4 }))).toEqual({ state: 'failed' });
  });

  it('fails the delivery at once when its app no longer exists', () => {
    expect(getDeliveryOutcome(failedAttempt({ canRetry: false }))).toEqual({ state: 'failed' });
  });
});
