import { createHash } from 'node:crypto';

export type SignParameters = {
  appId: string;
  appSecret: string;
  /** Unix seconds as the 10-digit string sent in the `Timestamp` header. */
  timestamp: string;
  /** The exact bytes sent or received; a string is taken as UTF-8. */
  body: string | Uint8Array;
};

/** Lowercase hex SHA-256 digest, 64 characters. */
export type SignReturnType = string;

/**
 * Computes the v1 `Sign` header: SHA-256 over `appId + appSecret + timestamp` then the body bytes.
 *
 * This is plain concatenation with the secret inside the hash input, not HMAC (HMAC is v2).
 *
 * @example
 * const body = encodeJson({ merchant_order_ids: ['A-1'] });
 * const timestamp = String(Math.floor(Date.now() / 1000));
 * const signature = sign({ appId, appSecret, timestamp, body });
 */
export function sign({ appId, appSecret, timestamp, body }: SignParameters): SignReturnType {
  // Hash the body as given rather than re-encoding it: the signature must cover the bytes on the wire.
  return createHash('sha256').update(`${appId}${appSecret}${timestamp}`, 'utf8').update(body).digest('hex');
}
