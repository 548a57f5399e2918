import type { Clock } from '../../core/ports.ts';

/** The real clock. */
export function createSystemClock(): Clock {
  return { now: () => Date.now() };
}
