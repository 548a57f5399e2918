import type { KassaSdkErrorOptions } from './KassaSdkError.ts';
import { KassaVerificationError } from './KassaVerificationError.ts';

/** Why a webhook was rejected; also the body the ready handlers answer with HTTP 401. */
export type KassaWebhookErrorReason =
  | 'missing_header'
  | 'bad_signature'
  | 'stale_timestamp'
  | 'invalid_json'
  | 'wrong_app';

const MESSAGES = {
  missing_header: 'Appid, Timestamp or Sign header missing or malformed',
  bad_signature: 'signature does not match the body',
  stale_timestamp: 'timestamp outside the allowed window',
  invalid_json: 'body is not a JSON object',
  wrong_app: 'webhook is for another app id',
} as const satisfies Record<KassaWebhookErrorReason, string>;

/** A webhook failed verification and must not be acted on. */
export class KassaWebhookError extends KassaVerificationError<KassaWebhookErrorReason> {
  override name = 'KassaWebhookError';

  constructor(reason: KassaWebhookErrorReason, options: KassaSdkErrorOptions = {}) {
    super(reason, `webhook rejected: ${MESSAGES[reason]}`, options);
  }
}
