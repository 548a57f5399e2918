/**
 * When each retry of a webhook is due, in seconds after the FIRST attempt (spec §7: six retries
 * at +30 s, +1 m 30 s, +3 m 30 s, +7 m 30 s, +15 m 30 s, +31 m 30 s).
 *
 * Read as offsets from the first attempt, not gaps between attempts: each figure is
 * 30 s × (2^n − 1), the running total of a doubling backoff whose gaps are 30, 60, 120, 240, 480
 * and 960 s, and the spec writes them as `+` offsets. Offsets also keep the schedule from
 * drifting by each attempt's own duration (up to its 10 s timeout).
 */
export const DEFAULT_WEBHOOK_RETRY_SCHEDULE_SECONDS: readonly number[] = Object.freeze([30, 90, 210, 450, 930, 1890]);

export type GetRetryDelayParameters = {
  /** Attempts made so far, the first included (1 after the first attempt). */
  readonly attemptsMade: number;
  /** Increasing offsets in seconds after the first attempt; one per retry. */
  readonly scheduleSeconds?: readonly number[];
};

/**
 * How long after the first attempt the next attempt is due, in milliseconds; null when the
 * schedule is used up and the delivery is `failed`.
 */
export function getRetryDelay({
  attemptsMade,
  scheduleSeconds = DEFAULT_WEBHOOK_RETRY_SCHEDULE_SECONDS,
}: GetRetryDelayParameters): number | null {
  if (!Number.isInteger(attemptsMade) || attemptsMade < 1) {
    throw new RangeError(`attemptsMade must be a whole number of at least 1, got ${attemptsMade}`);
  }
  // attemptsMade = 1 (the first attempt) selects the first retry's offset.
  const offsetSeconds = scheduleSeconds[attemptsMade - 1];
  return offsetSeconds === undefined ? null : offsetSeconds * 1000;
}

export type GetNextAttemptAtParameters = GetRetryDelayParameters & {
  readonly firstAttemptAtMs: number;
  /**
   * When the attempt just made started. When given, the next attempt also keeps at least the
   * schedule's own gap after it, so a dispatcher that was down for a while spreads its catch-up
   * retries out instead of firing the overdue ones back to back.
   */
  readonly lastAttemptAtMs?: number;
};

/** The time (epoch ms) the next attempt is due, or null when no attempt is left. */
export function getNextAttemptAt({
  firstAttemptAtMs,
  lastAttemptAtMs,
  attemptsMade,
  scheduleSeconds = DEFAULT_WEBHOOK_RETRY_SCHEDULE_SECONDS,
}: GetNextAttemptAtParameters): number | null {
  const delayMs = getRetryDelay({ attemptsMade, scheduleSeconds });
  if (delayMs === null) return null;
  const scheduledAtMs = firstAttemptAtMs + delayMs;
  if (lastAttemptAtMs === undefined) return scheduledAtMs;
  const previousDelayMs =
    attemptsMade === 1 ? 0 : (getRetryDelay({ attemptsMade: attemptsMade - 1, scheduleSeconds }) ?? 0);
  return Math.max(scheduledAtMs, lastAttemptAtMs + (delayMs - previousDelayMs));
}
