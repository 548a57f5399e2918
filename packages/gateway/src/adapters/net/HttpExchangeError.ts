import { BaseError, type BaseErrorOptions } from '../../core/BaseError.ts';

/**
 * Why an HTTP exchange gave no usable answer: no answer in time, the caller's signal, a body past
 * the limit, or the connection itself (refused, reset, DNS, TLS).
 */
export type HttpExchangeFailure = 'timeout' | 'aborted' | 'too_large' | 'network';

/** An HTTP request that got no complete answer; a status code, even 500, is an answer, not this. */
export class HttpExchangeError extends BaseError {
  override readonly name = 'HttpExchangeError';
  readonly kind: HttpExchangeFailure;
  /** The answer's status when its headers came before the failure (a body too large), else null. */
  readonly status: number | null;

  constructor(
    kind: HttpExchangeFailure,
    message: string,
    { status = null, ...options }: BaseErrorOptions & { readonly status?: number | null } = {},
  ) {
    super(message, options);
    this.kind = kind;
    this.status = status;
  }
}
