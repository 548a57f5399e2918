import { KassaWebhookError } from './KassaWebhookError.ts';
import type { WebhookPayload } from './types.ts';
import { verifySign } from './verifySign.ts';

/** A fetch `Headers`, a plain object, or node's `IncomingHttpHeaders`; names are case-insensitive. */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

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
const TIMESTAMP_PATTERN = /^\d{1,12}$/;

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

  const signedAppId = getHeader(headers, 'appid');
  const timestamp = getHeader(headers, 'timestamp');
  const signature = getHeader(headers, 'sign');
  if (signedAppId === undefined || timestamp === undefined || signature === undefined) {
    throw new KassaWebhookError('missing_header');
  }
  if (!TIMESTAMP_PATTERN.test(timestamp)) throw new KassaWebhookError('missing_header');
  if (signedAppId !== appId) throw new KassaWebhookError('wrong_app');
  const nowSeconds = Math.floor(now() / 1000);
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) throw new KassaWebhookError('stale_timestamp');
  if (!verifySign({ appId, appSecret, timestamp, body: rawBody, sign: signature })) {
    throw new KassaWebhookError('bad_signature');
  }

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

/** First value of a header, by case-insensitive name; undefined when absent or empty. */
function getHeader(headers: WebhookHeaders, lowerName: string): string | undefined {
  if (headers instanceof Headers) {
    const value = headers.get(lowerName);
    return value === null || value === '' ? undefined : value;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== lowerName) continue;
    // Node joins repeated headers for most names but keeps arrays for some; the first one counts.
    const first = typeof value === 'string' ? value : value?.[0];
    if (first !== undefined && first !== '') return first;
  }
  return undefined;
}
