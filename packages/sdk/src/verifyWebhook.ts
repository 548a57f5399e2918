import { KassaWebhookError } from './KassaWebhookError.ts';
import type { WebhookHeaders } from './readSignedHeaders.ts';
import type { WebhookPayload } from './types.ts';
import { verifyHeaders } from './verifyHeaders.ts';

export type { WebhookHeaders } from './readSignedHeaders.ts';

export type VerifyWebhookParameters = {
  headers: WebhookHeaders;
  /** The body bytes exactly as received (a string is taken as UTF-8). */
  rawBody: string | Uint8Array;
  appId: string;
  appSecret: string;
  /** Largest accepted |now - Timestamp|. Defaults to 300. */
  toleranceSeconds?: number;
  /** Clock in milliseconds since the epoch; defaults to `Date.now`. */
  now?: () => number;
};

export type VerifyWebhookReturnType = WebhookPayload;

const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Verifies a Kassa webhook over its raw bytes and returns the parsed payload; throws `KassaWebhookError`.
 *
 * Checks, in order: `Appid`/`Timestamp`/`Sign` present, `Appid` is this app, the timestamp is
 * within `toleranceSeconds` of now (Kassa signs every attempt afresh, so retries stay fresh),
 * the signature, and that the body is a JSON object. Webhooks can repeat: act idempotently
 * on `record_id` + `pay_status`.
 *
 * @example
 * const payload = verifyWebhook({ headers: req.headers, rawBody, appId, appSecret });
 * if (payload.pay_status === 'success') await markPaid(payload.extend.merchant_order_id);
 */
export function verifyWebhook(parameters: VerifyWebhookParameters): VerifyWebhookReturnType {
  const { headers, rawBody, appId, appSecret } = parameters;
  const toleranceSeconds = parameters.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const now = parameters.now ?? Date.now;

  const verdict = verifyHeaders({ headers, body: rawBody, appId, appSecret, toleranceSeconds, nowMs: now() });
  if (!verdict.ok) throw new KassaWebhookError(verdict.reason);

  const text = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8');
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (error) {
    throw new KassaWebhookError('invalid_json', { cause: error });
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new KassaWebhookError('invalid_json');
  }
  return payload as WebhookPayload;
}
