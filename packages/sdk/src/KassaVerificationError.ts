import { KassaSdkError, type KassaSdkErrorOptions } from './KassaSdkError.ts';

/**
 * Base of the errors a failed signature check throws, on a response (`KassaSignatureError`) or on
 * a webhook (`KassaWebhookError`): what did not verify must not be acted on. `reason` names the
 * check that failed, so a caller can tell a misconfigured secret from a forged or stale message.
 */
export class KassaVerificationError<Reason extends string = string> extends KassaSdkError {
  override name = 'KassaVerificationError';
  readonly reason: Reason;

  constructor(reason: Reason, message: string, options: KassaSdkErrorOptions = {}) {
    super(message, options);
    this.reason = reason;
  }
}
