import { timingSafeEqual } from 'node:crypto';
import { sign as computeSign } from './sign.ts';

export type VerifySignParameters = {
  appId: string;
  appSecret: string;
  /** The `Timestamp` header, exactly as received. */
  timestamp: string;
  /** The raw bytes received; never re-serialised JSON. */
  body: string | Uint8Array;
  /** The `Sign` header as received. */
  sign: string;
};

export type VerifySignReturnType = boolean;

const SIGN_PATTERN = /^[0-9a-fA-F]{64}$/;

/**
 * Checks a `Sign` header against the body in constant time; false (never a throw) on any malformed input.
 *
 * Hex case is ignored: the digest is the same bytes either way.
 *
 * @example
 * const ok = verifySign({ appId, appSecret, timestamp: req.headers.timestamp, body: rawBody, sign: req.headers.sign });
 */
export function verifySign({ appId, appSecret, timestamp, body, sign }: VerifySignParameters): VerifySignReturnType {
  // Callers pass header values straight from the wire, so guard the types at runtime too.
  if (typeof appId !== 'string' || typeof appSecret !== 'string' || typeof timestamp !== 'string') return false;
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) return false;
  if (typeof sign !== 'string' || !SIGN_PATTERN.test(sign)) return false;
  const expected = Buffer.from(computeSign({ appId, appSecret, timestamp, body }), 'hex');
  const received = Buffer.from(sign, 'hex');
  return timingSafeEqual(expected, received);
}
