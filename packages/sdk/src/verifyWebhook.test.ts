// Guards against acting on a forged, replayed, foreign or unparsable webhook, and against rejecting a genuine one.
import { describe, expect, it } from 'vitest';
import { APP_ID, APP_SECRET, createSignedWebhook, createWebhookPayload } from '../test/createSignedWebhook.ts';
import { KassaWebhookError, type KassaWebhookErrorReason } from './KassaWebhookError.ts';
import { type VerifyWebhookParameters, verifyWebhook } from './verifyWebhook.ts';

const NOW_SECONDS = 1_700_000_000;
const now = (): number => NOW_SECONDS * 1000 + 999;

function verify(overrides: Partial<VerifyWebhookParameters> & Pick<VerifyWebhookParameters, 'headers' | 'rawBody'>) {
  return verifyWebhook({ appId: APP_ID, appSecret: APP_SECRET, now, ...overrides });
}

function expectReason(run: () => unknown, reason: KassaWebhookErrorReason): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(KassaWebhookError);
  expect((caught as KassaWebhookError).reason).toBe(reason);
}

describe('verifyWebhook', () => {
  it('verifies over the raw bytes and returns the payload with keys in wire order', () => {
    const { headers, body } = createSignedWebhook({ timestamp: NOW_SECONDS });
    const payload = verify({ headers, rawBody: Buffer.from(body, 'utf8') });
    expect(payload).toEqual(createWebhookPayload());
    expect(Object.keys(payload)).toEqual(Object.keys(createWebhookPayload()));
    expect(payload.extend.custom_value).toBe('crème/brûlée <&>');
  });

  it('verifies a compact body re-serialised as JSON.stringify(JSON.parse(body))', () => {
    const { headers, body } = createSignedWebhook({ timestamp: NOW_SECONDS });
    const reserialised = JSON.stringify(JSON.parse(body));
    expect(verify({ headers, rawBody: reserialised }).order_status).toBe('Successful');
  });

  it('verifies non-compact bytes only as received, not after re-serialisation', () => {
    const spaced = JSON.stringify(createWebhookPayload(), null, 2);
    const { headers } = createSignedWebhook({ timestamp: NOW_SECONDS, body: spaced });
    expect(verify({ headers, rawBody: spaced }).pay_status).toBe('success');
    expectReason(() => verify({ headers, rawBody: JSON.stringify(JSON.parse(spaced)) }), 'bad_signature');
  });

  it('reads header names case-insensitively from plain objects, Headers and node arrays', () => {
    const { headers, body } = createSignedWebhook({ timestamp: NOW_SECONDS });
    const lower = { appid: headers.Appid, timestamp: headers.Timestamp, sign: headers.Sign };
    const shouting = { APPID: headers.Appid, TIMESTAMP: headers.Timestamp, SIGN: headers.Sign };
    const arrays = {
      appid: [headers.Appid, 'other'],
      timestamp: [headers.Timestamp],
      sign: [headers.Sign],
      host: undefined,
    };
    for (const variant of [lower, shouting, arrays, new Headers(headers)]) {
      expect(verify({ headers: variant, rawBody: body }).record_id).toBe(createWebhookPayload().record_id);
    }
  });

  it('rejects a tampered body and a signature made with another secret', () => {
    const { headers, body } = createSignedWebhook({ timestamp: NOW_SECONDS });
    expectReason(() => verify({ headers, rawBody: body.replace('"19.9"', '"99.9"') }), 'bad_signature');
    const forged = createSignedWebhook({ timestamp: NOW_SECONDS, appSecret: 'guessed-secret' });
    expectReason(() => verify({ headers: forged.headers, rawBody: forged.body }), 'bad_signature');
  });

  it('rejects a webhook signed for another app id', () => {
    const foreign = createSignedWebhook({ timestamp: NOW_SECONDS, appId: '999' });
    expectReason(() => verify({ headers: foreign.headers, rawBody: foreign.body }), 'wrong_app');
  });

  it.each(['Appid', 'Timestamp', 'Sign'] as const)('rejects a webhook without %s', (name) => {
    const { headers, body } = createSignedWebhook({ timestamp: NOW_SECONDS });
    const { [name]: _removed, ...rest } = headers;
    expectReason(() => verify({ headers: rest, rawBody: body }), 'missing_header');
    expectReason(() => verify({ headers: { ...headers, [name]: '' }, rawBody: body }), 'missing_header');
  });

  it('treats a non-numeric timestamp as a malformed header', () => {
    const { headers, body } = createSignedWebhook({ timestamp: NOW_SECONDS });
    expectReason(() => verify({ headers: { ...headers, Timestamp: '1.7e9' }, rawBody: body }), 'missing_header');
  });

  it('accepts timestamps exactly at the tolerance and rejects one second beyond, both ways', () => {
    for (const offset of [-300, 300]) {
      const edge = createSignedWebhook({ timestamp: NOW_SECONDS + offset });
      expect(verify({ headers: edge.headers, rawBody: edge.body }).pay_status).toBe('success');
    }
    for (const offset of [-301, 301]) {
      const stale = createSignedWebhook({ timestamp: NOW_SECONDS + offset });
      expectReason(() => verify({ headers: stale.headers, rawBody: stale.body }), 'stale_timestamp');
    }
  });

  it('honours a custom tolerance', () => {
    const old = createSignedWebhook({ timestamp: NOW_SECONDS - 60 });
    expectReason(() => verify({ headers: old.headers, rawBody: old.body, toleranceSeconds: 30 }), 'stale_timestamp');
  });

  it('rejects a validly signed body that is not a JSON object', () => {
    for (const body of ['not json', '[1,2]', 'null', '"success"']) {
      const signed = createSignedWebhook({ timestamp: NOW_SECONDS, body });
      expectReason(() => verify({ headers: signed.headers, rawBody: body }), 'invalid_json');
    }
  });

  it('keeps the JSON parse error as the cause', () => {
    const signed = createSignedWebhook({ timestamp: NOW_SECONDS, body: '{' });
    try {
      verify({ headers: signed.headers, rawBody: signed.body });
      expect.unreachable();
    } catch (error) {
      expect((error as KassaWebhookError).cause).toBeInstanceOf(SyntaxError);
    }
  });
});
