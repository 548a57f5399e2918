import { sign } from './sign.ts';

export type SignHeadersParameters = {
  appId: string;
  appSecret: string;
  /** The signing time in milliseconds since the epoch; sent as whole Unix seconds. */
  nowMs: number;
  /** The exact bytes sent; a string is taken as UTF-8. */
  body: string | Uint8Array;
};

/** The three headers that sign a v1 request, response or webhook. */
export type SignHeadersReturnType = {
  Appid: string;
  Timestamp: string;
  Sign: string;
};

/**
 * Builds the `Appid`, `Timestamp` and `Sign` headers for a body about to be sent.
 *
 * @example
 * const body = encodeJson({ merchant_order_ids: ['A-1'] });
 * const headers = { ...signHeaders({ appId, appSecret, nowMs: Date.now(), body }), 'Content-Type': 'application/json' };
 */
export function signHeaders({ appId, appSecret, nowMs, body }: SignHeadersParameters): SignHeadersReturnType {
  // Receivers compare the timestamp with their clock in whole seconds, so it is never rounded up.
  const timestamp = String(Math.floor(nowMs / 1000));
  return { Appid: appId, Timestamp: timestamp, Sign: sign({ appId, appSecret, timestamp, body }) };
}
