import type { Clock } from '../../../core/ports.ts';
import type { LivePayload } from './toLivePayload.ts';

/** Resend the countdown when the server's and the script's idea of the time left drift this far. */
export const TIMER_DRIFT_MS = 3000;

export type CreateLiveEventWriterParameters = {
  /** The gateway's clock: the time left in each payload was computed on it too. */
  readonly clock: Clock;
  /** Appends one chunk to the event stream. */
  readonly write: (chunk: string) => void;
};

/**
 * One stream's `state` events: a payload goes out when its view changed, or when the time left
 * has moved away from what the script counts down since the last event (the clock jumped or the
 * expiry moved) by more than `TIMER_DRIFT_MS`. Anything else is skipped, so an idle order costs
 * its open streams nothing per poll.
 */
export function createLiveEventWriter(p: CreateLiveEventWriterParameters): (payload: LivePayload) => void {
  let sentVersion = '';
  let sentRemainingMs = 0;
  let sentAtMs = 0;
  return (payload) => {
    const nowMs = p.clock.now();
    const expectedRemainingMs = Math.max(sentRemainingMs - (nowMs - sentAtMs), 0);
    const hasDrifted = Math.abs(expectedRemainingMs - payload.remainingMs) > TIMER_DRIFT_MS;
    if (payload.version === sentVersion && !hasDrifted) return;
    sentVersion = payload.version;
    sentRemainingMs = payload.remainingMs;
    sentAtMs = nowMs;
    p.write(`event: state\ndata: ${JSON.stringify(payload)}\n\n`);
  };
}
