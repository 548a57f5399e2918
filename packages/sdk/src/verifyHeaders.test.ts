// Guards against accepting headers that are missing, foreign, stale or forged, and against rejecting good ones.
import { describe, expect, it } from 'vitest';
import { signHeaders } from './signHeaders.ts';
import { type VerifyHeadersParameters, verifyHeaders } from './verifyHeaders.ts';

const APP = { appId: 'app-1', appSecret: 'secret-1' };
const NOW_MS = 1_700_000_000_000;
const BODY = '{"merchant_order_ids":["A-1"]}';

function verify(overrides: Partial<VerifyHeadersParameters>) {
  const headers = signHeaders({ ...APP, nowMs: NOW_MS, body: BODY });
  return verifyHeaders({ ...APP, headers, body: BODY, toleranceSeconds: 300, nowMs: NOW_MS, ...overrides });
}

describe('verifyHeaders', () => {
  it('accepts its own signature, with header names in any case', () => {
    expect(verify({})).toEqual({ ok: true });
    const lower = {
      appid: 'app-1',
      timestamp: '1700000000',
      sign: signHeaders({ ...APP, nowMs: NOW_MS, body: BODY }).Sign,
    };
    expect(verify({ headers: new Headers(lower) })).toEqual({ ok: true });
  });

  it('names the first check that fails', () => {
    const signed = signHeaders({ ...APP, nowMs: NOW_MS, body: BODY });
    expect(verify({ headers: { Appid: 'app-1', Timestamp: signed.Timestamp } })).toEqual({
      ok: false,
      reason: 'missing_header',
    });
    expect(verify({ headers: { ...signed, Timestamp: '17e8' } })).toMatchObject({ reason: 'missing_header' });
    expect(verify({ headers: { ...signed, Sign: '' } })).toMatchObject({ reason: 'missing_header' });
    expect(verify({ appId: 'app-2' })).toEqual({ ok: false, reason: 'wrong_app' });
    expect(verify({ nowMs: NOW_MS + 301_000 })).toEqual({ ok: false, reason: 'stale_timestamp', skewSeconds: 301 });
    expect(verify({ nowMs: NOW_MS + 300_999 })).toEqual({ ok: true });
    expect(verify({ body: `${BODY} ` })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verify({ appSecret: 'secret-2' })).toEqual({ ok: false, reason: 'bad_signature' });
  });
});
