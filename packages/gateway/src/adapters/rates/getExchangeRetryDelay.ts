import { getBackoffDelay } from '../../core/getBackoffDelay.ts';

export type GetExchangeRetryDelayParameters = {
  /** Failures in a row of this exchange, the one just seen included. */
  readonly failures: number;
  /** The exchange's Retry-After, when it sent one. */
  readonly retryAfterMs: number | null;
  readonly initialMs: number;
  readonly maxMs: number;
};

// A Retry-After is honoured even beyond `maxMs` (ignoring one gets an IP banned), but a nonsense
// value must not silence a source for good.
const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

/** Exponential backoff per failure in a row, stretched to any Retry-After the exchange sent. */
export function getExchangeRetryDelay({
  failures,
  retryAfterMs,
  initialMs,
  maxMs,
}: GetExchangeRetryDelayParameters): number {
  const exponentialMs = getBackoffDelay({ failures, initialMs, maxMs });
  if (retryAfterMs === null) return exponentialMs;
  return Math.max(exponentialMs, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
}
