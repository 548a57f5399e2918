import { getNextAttemptAt } from './getRetryDelay.ts';
import type { DeliveryOutcome } from './ports.ts';

export type GetDeliveryOutcomeParameters = {
  /** The merchant acknowledged the attempt (HTTP 200 with `success`, spec §7). */
  readonly delivered: boolean;
  /** False once the delivery's app is gone: no one is left to sign for, so nothing is retried. */
  readonly canRetry: boolean;
  /** When the delivery's first attempt started: the retry schedule counts from it. */
  readonly firstAttemptAtMs: number;
  /** When the attempt just made started. */
  readonly startedAtMs: number;
  /** When its answer was in: the moment a delivered webhook counts as delivered. */
  readonly answeredAtMs: number;
  /** Attempts made so far, the one just made included. */
  readonly attemptsMade: number;
  readonly scheduleSeconds: readonly number[];
};

/** What one attempt means for its delivery: delivered, pending until the next retry, or failed. */
export function getDeliveryOutcome({
  delivered,
  canRetry,
  firstAttemptAtMs,
  startedAtMs,
  answeredAtMs,
  attemptsMade,
  scheduleSeconds,
}: GetDeliveryOutcomeParameters): DeliveryOutcome {
  if (delivered) return { state: 'delivered', atMs: answeredAtMs };
  if (!canRetry) return { state: 'failed' };
  const nextAttemptAtMs = getNextAttemptAt({
    firstAttemptAtMs,
    lastAttemptAtMs: startedAtMs,
    attemptsMade,
    scheduleSeconds,
  });
  return nextAttemptAtMs === null ? { state: 'failed' } : { state: 'pending', nextAttemptAtMs };
}
