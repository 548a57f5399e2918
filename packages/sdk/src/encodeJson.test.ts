// Guards against signing bytes that Node SDKs cannot reproduce with JSON.stringify(JSON.parse(body)).
import { describe, expect, it } from 'vitest';
import { encodeJson } from './encodeJson.ts';

describe('encodeJson', () => {
  it('writes compact JSON with keys in insertion order', () => {
    const value = { code: 10000, msg: 'success', data: { payment_url: 'https://pay.example/pay/abc', n: 5 } };
    expect(encodeJson(value)).toBe(
      '{"code":10000,"msg":"success","data":{"payment_url":"https://pay.example/pay/abc","n":5}}',
    );
  });

  it('keeps non-ASCII as UTF-8 and does not escape slashes or &<>', () => {
    expect(encodeJson({ s: 'ë/票 & <b>' })).toBe('{"s":"ë/票 & <b>"}');
  });

  it('omits undefined fields and keeps null', () => {
    expect(encodeJson({ a: undefined, b: null, c: '' })).toBe('{"b":null,"c":""}');
  });

  it('round-trips through JSON.parse unchanged, which is what Node SDKs verify over', () => {
    const encoded = encodeJson({ b: '1', a: [1, 2.5, 'x\u2028y', '\u{1f39f}'], c: { d: true } });
    expect(JSON.stringify(JSON.parse(encoded))).toBe(encoded);
  });

  it('refuses values with no JSON text and bigint money', () => {
    expect(() => encodeJson(undefined)).toThrow(TypeError);
    expect(() => encodeJson(() => 1)).toThrow(TypeError);
    expect(() => encodeJson({ amount: 1n })).toThrow(TypeError);
  });
});
