import { type ApiEnvelope, encodeJson, signHeaders } from '@kassa/sdk';
import type { App } from '../../../core/App.ts';

/** The wire envelope every merchant API response is (spec §1). */
export type Envelope = Readonly<ApiEnvelope<unknown>>;

export type SignedEnvelope = {
  /** The UTF-8 bytes to send, exactly those signed. */
  readonly body: Buffer;
  /** `Appid`, `Timestamp`, `Sign` when the app is known; empty otherwise. */
  readonly headers: Readonly<Record<string, string>>;
};

/**
 * Serialises the envelope once, in the compact `JSON.stringify` form the Node SDKs re-verify over,
 * and signs exactly those bytes. Keys stay in code, msg, data order. The text is encoded to UTF-8
 * once here: hashing a string and then writing it would encode a `bill/info` reply of 100 orders
 * (about 40 KB) twice.
 */
export function signEnvelope(envelope: Envelope, app: App | null, nowMs: number): SignedEnvelope {
  const body = Buffer.from(encodeJson({ code: envelope.code, msg: envelope.msg, data: envelope.data ?? null }));
  if (app === null) return { body, headers: {} };
  return { body, headers: signHeaders({ appId: app.appId, appSecret: app.secret, nowMs, body }) };
}
