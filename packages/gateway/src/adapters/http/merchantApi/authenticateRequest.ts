import { verifySign } from '@kassa/sdk';
import type { App } from '../../../core/App.ts';
import { KassaError } from '../../../core/KassaError.ts';
import type { AppStore } from '../../../core/ports.ts';

export type AuthenticateRequestParameters = {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly rawBody: Buffer;
  readonly apps: Pick<AppStore, 'findApp'>;
  readonly nowMs: number;
  readonly windowSeconds: number;
};

/** The outcome of checking a request's `Appid`/`Timestamp`/`Sign` headers. */
export type AuthenticateResult =
  | { readonly ok: true; readonly app: App }
  /** `app` is set when the app is known, so the error reply can still be signed. */
  | { readonly ok: false; readonly error: KassaError; readonly app: App | null };

const TIMESTAMP = /^\d{10}$/;
const SIGN = /^[0-9a-fA-F]{64}$/;

/**
 * Verifies a merchant request over its raw bytes (spec §2): header presence, known app, fresh
 * timestamp, and the SHA-256 signature compared in constant time.
 */
export async function authenticateRequest(p: AuthenticateRequestParameters): Promise<AuthenticateResult> {
  const appId = headerOf(p.headers, 'appid');
  const timestamp = headerOf(p.headers, 'timestamp');
  const signature = headerOf(p.headers, 'sign');
  const missing = [
    appId === undefined || appId === '' ? 'Appid' : null,
    timestamp === undefined || !TIMESTAMP.test(timestamp) ? 'Timestamp' : null,
    signature === undefined || !SIGN.test(signature) ? 'Sign' : null,
  ].filter((name) => name !== null);
  const app = appId === undefined || appId === '' || appId.length > 64 ? null : await p.apps.findApp(appId);
  if (missing.length > 0) {
    return {
      ok: false,
      app,
      error: new KassaError({
        code: 'missing_header',
        message: `missing or malformed header: ${missing.join(', ')} (Timestamp is 10-digit Unix seconds, Sign 64 hex digits)`,
      }),
    };
  }
  if (app === null) {
    return { ok: false, app: null, error: new KassaError({ code: 'unknown_app', message: 'unknown Appid' }) };
  }
  const ts = timestamp as string;
  const skewSeconds = Math.abs(Math.floor(p.nowMs / 1000) - Number(ts));
  if (skewSeconds > p.windowSeconds) {
    return {
      ok: false,
      app,
      error: new KassaError({
        code: 'stale_timestamp',
        message: `Timestamp is ${skewSeconds} s away from server time; at most ${p.windowSeconds} s allowed`,
      }),
    };
  }
  const valid = verifySign({
    appId: app.appId,
    appSecret: app.secret,
    timestamp: ts,
    body: p.rawBody,
    sign: (signature as string).toLowerCase(),
  });
  if (!valid) {
    return {
      ok: false,
      app,
      error: new KassaError({
        code: 'bad_signature',
        message: 'Sign does not match: expected lowercase hex SHA-256 of Appid + AppSecret + Timestamp + raw body',
      }),
    };
  }
  return { ok: true, app };
}

function headerOf(headers: AuthenticateRequestParameters['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
