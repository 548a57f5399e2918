import type { KassaSdkErrorOptions } from './KassaSdkError.ts';
import { KassaVerificationError } from './KassaVerificationError.ts';

/** Why a response failed verification. */
export type KassaSignatureErrorReason = 'missing_signature' | 'wrong_app' | 'bad_signature';

export type KassaSignatureErrorParameters = {
  reason: KassaSignatureErrorReason;
  /** The API path whose response failed verification. */
  path: string;
};

const MESSAGES = {
  missing_signature: 'response is not signed (Appid, Timestamp or Sign header missing)',
  wrong_app: 'response is signed for another app id',
  bad_signature: 'response signature does not match its body',
} as const satisfies Record<KassaSignatureErrorReason, string>;

/**
 * A response's signature is missing or wrong: its data must not be trusted. When an unsigned
 * response carried an error envelope (e.g. `unknown_app`), that `KassaApiError` is the `cause`.
 */
export class KassaSignatureError extends KassaVerificationError<KassaSignatureErrorReason> {
  override name = 'KassaSignatureError';
  readonly path: string;

  constructor({ reason, path }: KassaSignatureErrorParameters, options: KassaSdkErrorOptions = {}) {
    super(reason, `${path}: ${MESSAGES[reason]}`, options);
    this.path = path;
  }
}
