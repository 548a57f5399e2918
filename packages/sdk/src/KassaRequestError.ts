import { KassaSdkError, type KassaSdkErrorOptions } from './KassaSdkError.ts';

export type KassaRequestErrorParameters = {
  /** The API path that was called. */
  path: string;
  /** What went wrong at the transport level. */
  detail: string;
  /** HTTP status, when a response arrived. */
  status?: number;
};

/**
 * The call failed below the API envelope: network error, timeout, a non-200 status (404, 413,
 * 429, 5xx; its error envelope, when it has one, is the `cause`) or a signed 200 whose body is not
 * JSON. Safe to retry for idempotent calls.
 */
export class KassaRequestError extends KassaSdkError {
  override name = 'KassaRequestError';
  readonly path: string;
  readonly status: number | undefined;

  constructor({ path, detail, status }: KassaRequestErrorParameters, options: KassaSdkErrorOptions = {}) {
    super(`${path}: ${detail}`, options);
    this.path = path;
    this.status = status;
  }
}
