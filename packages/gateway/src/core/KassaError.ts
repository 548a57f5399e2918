import { BaseError } from './BaseError.ts';

/** Every failure Kassa reports to a merchant, by name. Codes are added, never renamed. */
export type KassaErrorCode =
  | 'missing_header'
  | 'unknown_app'
  | 'bad_signature'
  | 'stale_timestamp'
  | 'invalid_json'
  | 'invalid_param'
  | 'duplicate_order'
  | 'order_not_found'
  | 'too_many_ids'
  | 'unsupported_token'
  | 'rate_unavailable'
  | 'rate_limited'
  | 'not_supported'
  | 'body_too_large'
  | 'unknown_path'
  | 'service_unavailable'
  | 'internal_error';

export type KassaErrorParameters = {
  readonly code: KassaErrorCode;
  /** Safe to show to the merchant: never holds secrets or internals. */
  readonly message: string;
  readonly cause?: unknown;
};

/** The one base class of errors that carry a merchant-facing result code. */
export class KassaError extends BaseError {
  override readonly name: string = 'KassaError';
  readonly code: KassaErrorCode;

  constructor({ code, message, cause }: KassaErrorParameters) {
    super(message, { cause });
    this.code = code;
  }
}
