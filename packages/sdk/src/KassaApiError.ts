import { KassaSdkError, type KassaSdkErrorOptions } from './KassaSdkError.ts';
import { getResultCodeName, type ResultCodeName } from './resultCodes.ts';

export type KassaApiErrorParameters = {
  /** The envelope's result code (never 10000). */
  code: number;
  /** The envelope's `msg`, as the server wrote it. */
  msg: string;
  /** The API path that answered, e.g. `concise/url/get`. */
  path: string;
};

/** The server answered with a business error: a (signed) envelope whose `code` is not 10000. */
export class KassaApiError extends KassaSdkError {
  override name = 'KassaApiError';
  readonly code: number;
  /** The code's name (`duplicate_order`, …, see `RESULT_CODES`); undefined for a code this SDK does not know. */
  readonly codeName: ResultCodeName | undefined;
  readonly msg: string;
  readonly path: string;

  constructor({ code, msg, path }: KassaApiErrorParameters, options: KassaSdkErrorOptions = {}) {
    super(`${path}: ${msg} (code ${code})`, options);
    this.code = code;
    this.codeName = getResultCodeName(code);
    this.msg = msg;
    this.path = path;
  }
}
