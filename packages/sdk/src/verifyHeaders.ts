import { readSignedHeaders, type WebhookHeaders } from './readSignedHeaders.ts';
import { verifySign } from './verifySign.ts';

export type VerifyHeadersParameters = {
  headers: WebhookHeaders;
  /** The body bytes exactly as received (a string is taken as UTF-8). */
  body: string | Uint8Array;
  appId: string;
  appSecret: string;
  /** Largest accepted |now - Timestamp| in seconds. */
  toleranceSeconds: number;
  /** The receiving time in milliseconds since the epoch. */
  nowMs: number;
};

/** Whether the signing headers hold for this app and body, and if not, the first check that failed. */
export type VerifyHeadersReturnType =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'missing_header' | 'wrong_app' | 'bad_signature' }
  | { readonly ok: false; readonly reason: 'stale_timestamp'; readonly skewSeconds: number };

const TIMESTAMP_PATTERN = /^\d{1,12}$/;

/**
 * Checks signed headers in order: `Appid`/`Timestamp`/`Sign` present, `Appid` is this app, the
 * timestamp within `toleranceSeconds` of now, then the signature in constant time. Never throws.
 *
 * @example
 * const result = verifyHeaders({ headers: req.headers, body: rawBody, appId, appSecret, toleranceSeconds: 300, nowMs: Date.now() });
 * if (!result.ok) console.warn(result.reason);
 */
export function verifyHeaders(parameters: VerifyHeadersParameters): VerifyHeadersReturnType {
  const { appId, appSecret, body } = parameters;
  const { appId: signedAppId, timestamp, sign } = readSignedHeaders(parameters.headers);
  if (signedAppId === undefined || timestamp === undefined || sign === undefined) {
    return { ok: false, reason: 'missing_header' };
  }
  if (!TIMESTAMP_PATTERN.test(timestamp)) return { ok: false, reason: 'missing_header' };
  if (signedAppId !== appId) return { ok: false, reason: 'wrong_app' };
  const skewSeconds = Math.abs(Math.floor(parameters.nowMs / 1000) - Number(timestamp));
  if (skewSeconds > parameters.toleranceSeconds) return { ok: false, reason: 'stale_timestamp', skewSeconds };
  if (!verifySign({ appId, appSecret, timestamp, body, sign })) return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}
