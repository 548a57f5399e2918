// Guards against accepting a signature for other bytes, credentials or time, and against throwing on junk headers.
import { describe, expect, it } from 'vitest';
import { sign } from './sign.ts';
import { verifySign } from './verifySign.ts';

const appId = '202302010636261620672405236006912';
const appSecret = 'kassa-test-secret-0123456789abcdefghijklmnop';
const timestamp = '1700000000';
const body = '{"merchant_order_id":"A-1","product_price":"19.90","product_name":"Tee"}';
const good = sign({ appId, appSecret, timestamp, body });

describe('verifySign', () => {
  it('accepts the signature of the exact bytes, as string or bytes', () => {
    expect(verifySign({ appId, appSecret, timestamp, body, sign: good })).toBe(true);
    expect(verifySign({ appId, appSecret, timestamp, body: Buffer.from(body), sign: good })).toBe(true);
  });

  it('accepts upper-case hex of the same digest', () => {
    expect(verifySign({ appId, appSecret, timestamp, body, sign: good.toUpperCase() })).toBe(true);
  });

  it.each([
    ['a tampered body', { body: body.replace('19.90', '0.01') }],
    ['a re-serialised body with spaces', { body: JSON.stringify(JSON.parse(body), null, 1) }],
    ['a trailing newline', { body: `${body}\n` }],
    ['another secret', { appSecret: `${appSecret}x` }],
    ['another app id', { appId: '202302010636261620672405236006913' }],
    ['another timestamp', { timestamp: '1700000001' }],
  ])('rejects %s', (_label, change) => {
    expect(verifySign({ appId, appSecret, timestamp, body, sign: good, ...change })).toBe(false);
  });

  it('rejects a signature with one flipped digit', () => {
    const flipped = `${good.slice(0, 10)}${good[10] === '0' ? '1' : '0'}${good.slice(11)}`;
    expect(verifySign({ appId, appSecret, timestamp, body, sign: flipped })).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['odd length', good.slice(0, 63)],
    ['too short', good.slice(0, 62)],
    ['too long', `${good}00`],
    ['non-hex', `${good.slice(0, 63)}g`],
    ['whitespace padded', ` ${good}`],
    ['an HMAC-looking base64 value', Buffer.from(good, 'hex').toString('base64')],
  ])('returns false without throwing for a %s sign', (_label, malformed) => {
    expect(verifySign({ appId, appSecret, timestamp, body, sign: malformed })).toBe(false);
  });

  it('returns false without throwing when a JS caller passes non-strings', () => {
    const junk = { appId, appSecret, timestamp, body, sign: good } as Record<string, unknown>;
    for (const key of ['appId', 'appSecret', 'timestamp', 'body', 'sign']) {
      for (const value of [undefined, null, 42, {}, ['x']]) {
        const parameters = { ...junk, [key]: value } as unknown as Parameters<typeof verifySign>[0];
        expect(verifySign(parameters)).toBe(false);
      }
    }
  });
});
