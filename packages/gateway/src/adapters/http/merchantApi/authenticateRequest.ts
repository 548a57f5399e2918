import { readSignedHeaders, type VerifyHeadersReturnType, verifyHeaders } from '@kassa/sdk';
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

// Stricter than the SDK's own check: requests name the offending header, and v1 sends 10 digits.
const TIMESTAMP = /^\d{10}$/;
const SIGN = /^[0-9a-fA-F]{64}$/;

/**
 * Verifies a merchant request over its raw bytes (spec §2): header presence, known app, fresh
 * timestamp, and the SHA-256 signature compared in constant time.
 */
export async function authenticateRequest(p: AuthenticateRequestParameters): Promise<AuthenticateResult> {
  const { appId, timestamp, sign } = readSignedHeaders(p.headers);
  const missing = [
    appId === undefined ? 'Appid' : null,
    timestamp === undefined || !TIMESTAMP.test(timestamp) ? 'Timestamp' : null,
    sign === undefined || !SIGN.test(sign) ? 'Sign' : null,
  ].filter((name) => name !== null);
  const app = appId === undefined || appId.length > 64 ? null : await p.apps.findApp(appId);
  if (missing.length > 0) {
    const message = `missing or malformed header: ${missing.join(', ')} (Timestamp is 10-digit Unix seconds, Sign 64 hex digits)`;
    return { ok: false, app, error: new KassaError({ code: 'missing_header', message }) };
  }
  if (app === null) {
    return { ok: false, app: null, error: new KassaError({ code: 'unknown_app', message: 'unknown Appid' }) };
  }
  if (app.disabledAtMs !== null) {
    // Refused like an unknown app and left unsigned: an operator disables an app whose secret may
    // have leaked, so nothing signed with that secret should come back.
    return { ok: false, app: null, error: new KassaError({ code: 'unknown_app', message: 'the app is disabled' }) };
  }
  const verdict = verifyHeaders({
    headers: p.headers,
    body: p.rawBody,
    appId: app.appId,
    appSecret: app.secret,
    toleranceSeconds: p.windowSeconds,
    nowMs: p.nowMs,
  });
  return verdict.ok ? { ok: true, app } : { ok: false, app, error: toAuthError(verdict, p.windowSeconds) };
}

function toAuthError(verdict: Exclude<VerifyHeadersReturnType, { ok: true }>, windowSeconds: number): KassaError {
  switch (verdict.reason) {
    case 'stale_timestamp':
      return new KassaError({
        code: 'stale_timestamp',
        message: `Timestamp is ${verdict.skewSeconds} s away from server time; at most ${windowSeconds} s allowed`,
      });
    case 'bad_signature':
      return new KassaError({
        code: 'bad_signature',
        message: 'Sign does not match: expected lowercase hex SHA-256 of Appid + AppSecret + Timestamp + raw body',
      });
    // Neither can happen after the checks above (stricter formats; the app was found by this Appid).
    case 'missing_header':
      return new KassaError({ code: 'missing_header', message: 'missing or malformed header' });
    case 'wrong_app':
      return new KassaError({ code: 'unknown_app', message: 'unknown Appid' });
    default:
      return assertNever(verdict);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled verification result: ${JSON.stringify(value)}`);
}
