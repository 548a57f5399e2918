import { BaseError } from '../../core/BaseError.ts';
import type { ExchangeName } from './ExchangeName.ts';

/**
 * What went wrong with one price request: the exchange refused with an HTTP error, asked us to slow
 * down, answered with a body we cannot read, said nothing about a symbol we asked for, reported an
 * error of its own, or could not be reached in time.
 */
export type RateFetchErrorKind =
  | 'http'
  | 'rate_limited'
  | 'malformed'
  | 'missing_symbol'
  | 'exchange_error'
  | 'network';

export type RateFetchErrorParameters = {
  readonly source: ExchangeName;
  readonly kind: RateFetchErrorKind;
  /** HTTP status of the response, null when none arrived. */
  readonly status?: number | null;
  /** How long the exchange asked us to wait (429/418 `Retry-After`), null when it did not say. */
  readonly retryAfterMs?: number | null;
  /** A short, already public detail: the exchange's own message or the offending field. */
  readonly detail?: string | undefined;
  readonly cause?: unknown;
};

// Exchange messages end up in logs; a hostile or broken upstream must not flood them.
const MAX_DETAIL_LENGTH = 200;

/** A failed price request to one exchange; carries what the refresher needs to back off. */
export class RateFetchError extends BaseError {
  override readonly name = 'RateFetchError';
  readonly source: ExchangeName;
  readonly kind: RateFetchErrorKind;
  readonly status: number | null;
  readonly retryAfterMs: number | null;

  constructor({ source, kind, status = null, retryAfterMs = null, detail, cause }: RateFetchErrorParameters) {
    const parts = [`${source}: ${kind.replace('_', ' ')}`];
    if (status !== null) parts.push(`HTTP ${status}`);
    if (retryAfterMs !== null) parts.push(`retry after ${retryAfterMs} ms`);
    if (detail !== undefined && detail !== '') parts.push(detail.slice(0, MAX_DETAIL_LENGTH));
    super(parts.join(', '), { cause });
    this.source = source;
    this.kind = kind;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}
