import { KassaSdkError, type KassaSdkErrorOptions } from './KassaSdkError.ts';

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
export class KassaWebhookError extends KassaSdkError {
  override name = 'KassaWebhookError';
  readonly reason: KassaWebhookErrorReason;

  constructor(reason: KassaWebhookErrorReason, options: KassaSdkErrorOptions = {}) {
    super(`webhook rejected: ${MESSAGES[reason]}`, options);
    this.reason = reason;
  }
}
