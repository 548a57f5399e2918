// Guards against a signature that differs from CCPayment v1 (HMAC, hex case, re-encoded body bytes).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sign } from './sign.ts';

/** The spec's formula written independently: one hash over the whole concatenated UTF-8 string. */
function referenceSign(appId: string, appSecret: string, timestamp: string, body: string): string {
  return createHash('sha256')
    .update(Buffer.from(appId + appSecret + timestamp + body, 'utf8'))
    .digest('hex');
}

describe('sign', () => {
  it('matches a vector computed once with printf | sha256sum', () => {
    const signature = sign({
      appId: '202302010636261620672405236006912',
      appSecret: 's3cr3t-app-secret-0123456789abcdef',
      timestamp: '1677152490',
      body: '{"merchant_order_ids":["A-1"]}',
    });
    expect(signature).toBe('f6dbcdc29beec6ccc676f7b3cc95c3582faa2a8c62f6003ecf69a032e994ff5c');
  });

  it('hashes an empty body as the bare prefix', () => {
    expect(sign({ appId: 'app', appSecret: 'secret', timestamp: '1700000000', body: '' })).toBe(
      '832a69ca71e237b020177f598c62fabd63ae78b6398c688e8ad68c10eb6aba7e',
    );
  });

  it('takes a string body as UTF-8 (non-ASCII vector from sha256sum)', () => {
    const body = '{"product_name":"Crème brûlée"}';
    const signature = sign({ appId: 'app1', appSecret: 'secret', timestamp: '1700000000', body });
    expect(signature).toBe('c2f171eaac756d15be42686a04ddd635d920d4bbd22be6139e0eb349a7ee2f02');
    expect(sign({ appId: 'app1', appSecret: 'secret', timestamp: '1700000000', body: Buffer.from(body, 'utf8') })).toBe(
      signature,
    );
  });

  it.each([
    ['compact JSON', '{"product_price":"1","merchant_order_id":"2012033040550"}'],
    ['Python separators and escapes', '{"product_name": "\\u00eb", "product_price": "1.5"}'],
    ['Go escapes', '{"return_url":"https://x.example/?a=1\\u0026b=2","custom_value":""}'],
    ['PHP escaped slashes', '{"return_url":"https:\\/\\/x.example\\/ok"}'],
    ['emoji and CJK', '{"product_name":"票 🎟️"}'],
  ])('agrees with the reference formula for %s', (_label, body) => {
    const expected = referenceSign('9001', 'secret-with-ünïcode', '1677152490', body);
    expect(sign({ appId: '9001', appSecret: 'secret-with-ünïcode', timestamp: '1677152490', body })).toBe(expected);
    expect(
      sign({
        appId: '9001',
        appSecret: 'secret-with-ünïcode',
        timestamp: '1677152490',
        body: new TextEncoder().encode(body),
      }),
    ).toBe(expected);
  });

  it('signs a Uint8Array view over its own bytes only', () => {
    const backing = Buffer.from('xx{"a":1}yy', 'utf8');
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 2, 7);
    expect(sign({ appId: 'a', appSecret: 'b', timestamp: '1', body: view })).toBe(
      referenceSign('a', 'b', '1', '{"a":1}'),
    );
  });

  it('is lowercase hex of 32 bytes', () => {
    expect(sign({ appId: 'A', appSecret: 'B', timestamp: '1', body: 'C' })).toMatch(/^[0-9a-f]{64}$/);
  });
});
