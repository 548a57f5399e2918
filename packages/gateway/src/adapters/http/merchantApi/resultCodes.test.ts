// Risk: a §8 result code that is never produced, produced unsigned, or out of step with docs/errors.md.
import { readFileSync } from 'node:fs';
import { RESULT_CODES, sign } from '@kassa/sdk';
import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSignedByApp } from '../../../../test/support/isSignedByApp.ts';
import { openHeldRequest } from '../../../../test/support/openHeldRequest.ts';
import { postAsTestApp } from '../../../../test/support/postAsTestApp.ts';
import type { PostSignedParameters } from '../../../../test/support/postSigned.ts';
import { startTestGateway, type TestGateway } from '../../../../test/support/startTestGateway.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';
import { waitUntilRefused } from '../../../../test/support/waitUntilRefused.ts';
import type { KassaErrorCode } from '../../../core/KassaError.ts';
import { deriveTokenId } from '../../chains/evm/deriveTokenId.ts';
import { ANVIL_DEFAULT_MNEMONIC } from '../../chains/evm/startAnvil.ts';
import { ERROR_REPLIES } from './errorReplies.ts';

describe('docs/errors.md', () => {
  it('lists every result code with its name, and nothing else', () => {
    const doc = readFileSync(new URL('../../../../../../docs/errors.md', import.meta.url), 'utf8');
    const rows = [...doc.matchAll(/^\| (\d+) \| `([a-z_]+)` \|/gm)].map((m) => [Number(m[1]), m[2]]);
    const table = Object.entries(ERROR_REPLIES).map(([name, entry]) => [entry.resultCode, name]);
    expect(rows.sort()).toEqual([[10000, 'success'], ...table].sort());
    // The SDK's named table is the same list, so merchants read the names the docs use.
    expect(
      Object.entries(RESULT_CODES)
        .map(([name, code]) => [code, name])
        .sort(),
    ).toEqual(rows.sort());
  });
});

describe.each(testDatabases())('every result code is produced ($kind)', (database) => {
  let t: TestGateway;
  const produced = new Set<KassaErrorCode>();
  beforeAll(async () => {
    // One network whose native coin has no configured price: quotes in it cannot be made.
    const xpub = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/0'" }).getHdKey().publicExtendedKey;
    const networks = {
      xpub,
      DEV: {
        chainId: 31337,
        rpcUrls: ['http://127.0.0.1:1'],
        confirmations: 1,
        blockTimeSeconds: 1,
        tokens: [{ symbol: 'ETH', native: true }],
      },
    };
    t = await startTestGateway(database, { env: { KASSA_LOG_LEVEL: 'silent' }, configFile: { networks } });
  });
  afterAll(async () => {
    await t.stop();
  });

  const now = () => Math.floor(t.clock.now() / 1000);
  const post = (path: string, body: string, extra: Partial<PostSignedParameters> = {}) =>
    postAsTestApp(t, path, body, extra);

  const expectCode = (r: Awaited<ReturnType<typeof post>>, code: KassaErrorCode, signed: boolean) => {
    expect(r.json.code, r.text).toBe(ERROR_REPLIES[code].resultCode);
    expect(r.status).toBe(ERROR_REPLIES[code].httpStatus);
    expect(r.json.msg.length).toBeGreaterThan(0);
    expect(r.json.data).toBeNull();
    expect(JSON.stringify(JSON.parse(r.text))).toBe(r.text);
    const sign = r.headers.get('sign');
    if (signed) {
      expect(r.headers.get('appid')).toBe(t.appId);
      expect(isSignedByApp(r, t)).toBe(true);
    } else {
      expect(sign).toBeNull();
    }
    produced.add(code);
  };

  const order = (id: string, extra = '') =>
    `{"merchant_order_id":"${id}","product_price":"10","product_name":"Thing"${extra}}`;

  it('missing_header: each header absent or malformed', async () => {
    for (const headers of [
      { Appid: null },
      { Timestamp: null },
      { Sign: null },
      { Timestamp: '17000' },
      { Sign: 'xyz' },
    ]) {
      const r = await post('bill/info', '{}', { headers });
      expect(r.json.code).toBe(100001);
      // Known app: the reply is still signed; unknown app id (absent): unsigned.
      if (headers.Appid === null) expect(r.headers.get('sign')).toBeNull();
      else expectCode(r, 'missing_header', true);
    }
  });

  it('unknown_app: unsigned, and says nothing of the secret', async () => {
    const r = await post('bill/info', '{}', { appId: '999999', appSecret: 'whatever' });
    expectCode(r, 'unknown_app', false);
    expect(r.json.msg).not.toMatch(/secret/i);
  });

  it('bad_signature: wrong secret, tampered body, tampered timestamp', async () => {
    expectCode(await post('bill/info', '{}', { appSecret: 'not-the-secret' }), 'bad_signature', true);
    const signedFor = await post('bill/info', '{"merchant_order_ids":["a"]}', {
      headers: { Timestamp: String(now() - 1) },
    });
    expectCode(signedFor, 'bad_signature', true);
  });

  it('stale_timestamp: older and newer than the window', async () => {
    expectCode(await post('bill/info', '{}', { timestamp: now() - 121 }), 'stale_timestamp', true);
    expectCode(await post('bill/info', '{}', { timestamp: now() + 121 }), 'stale_timestamp', true);
    // Inside the window on both sides.
    expect((await post('bill/info', '{"merchant_order_ids":["x"]}', { timestamp: now() - 120 })).json.code).toBe(
      100008,
    );
  });

  it('invalid_json: broken JSON, and JSON that is not an object', async () => {
    expectCode(await post('concise/url/get', '{"merchant_order_id":'), 'invalid_json', true);
    expectCode(await post('concise/url/get', '[1,2]'), 'invalid_json', true);
  });

  it('invalid_param: names the field and the rule', async () => {
    const r = await post('concise/url/get', order('p1', '').replace('"10"', '"10.123"'));
    expectCode(r, 'invalid_param', true);
    expect(r.json.msg).toBe('product_price: at most 2 decimal places');
  });

  it('duplicate_order', async () => {
    expect((await post('concise/url/get', order('dup'))).json.code).toBe(10000);
    expectCode(await post('concise/url/get', order('dup').replace('"10"', '"11"')), 'duplicate_order', true);
  });

  it('order_not_found: no known id in the query', async () => {
    expectCode(await post('bill/info', '{"merchant_order_ids":["nope"]}'), 'order_not_found', true);
  });

  it('too_many_ids', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `"id${i}"`).join(',');
    expectCode(await post('bill/info', `{"merchant_order_ids":[${ids}]}`), 'too_many_ids', true);
  });

  it('not_supported: each custodial wallet path', async () => {
    for (const path of ['withdraw', 'check/user', 'payment/address/get', 'assets', 'network/fee']) {
      expectCode(await post(path, '{}'), 'not_supported', true);
    }
  });

  it('body_too_large: HTTP 413', async () => {
    const big = `{"product_name":"${'x'.repeat(70_000)}"}`;
    expectCode(await post('concise/url/get', big), 'body_too_large', false);
  });

  it('unknown_path: HTTP 404', async () => {
    expectCode(await post('no/such/thing', '{}'), 'unknown_path', false);
  });

  it('rate_limited: HTTP 429, signed, once the app used up its minute', async () => {
    const limited = await startTestGateway(database, { configFile: { server: { appRequestsPerMinute: 3 } } });
    try {
      const send = () => postAsTestApp(limited, 'bill/info', '{"merchant_order_ids":["a"]}');
      for (let i = 0; i < 3; i++) expect((await send()).json.code).toBe(100008);
      const r = await send();
      expect(r.status).toBe(429);
      expect(r.json.code).toBe(100012);
      expect(isSignedByApp(r, limited)).toBe(true);
      produced.add('rate_limited');
      limited.clock.advance(60_000);
      expect((await send()).json.code).toBe(100008);
    } finally {
      await limited.stop();
    }
  });

  it('internal_error: HTTP 500, nothing leaked, when the database is gone', async () => {
    const broken = await startTestGateway(database);
    try {
      await broken.gateway.kassaDb.close();
      const r = await postAsTestApp(broken, 'bill/info', '{"merchant_order_ids":["a"]}');
      expect(r.status).toBe(500);
      expect(r.json).toEqual({ code: 100099, msg: 'internal error', data: null });
      produced.add('internal_error');
    } finally {
      await broken.gateway.http.close();
    }
  });

  it('service_unavailable: HTTP 503, signed, for a request read while the server stops', async () => {
    const stopping = await startTestGateway(database);
    const port = Number(new URL(stopping.baseUrl).port);
    const held = await openHeldRequest({ port, method: 'POST', path: '/ccpayment/v1/bill/info' });
    await new Promise((r) => setTimeout(r, 100));
    const stopped = stopping.stop();
    await waitUntilRefused(port);
    const timestamp = String(Math.floor(stopping.clock.now() / 1000));
    const { appId, appSecret } = stopping;
    const r = await held.finish(
      { Appid: appId, Timestamp: timestamp, Sign: sign({ appId, appSecret, timestamp, body: '{}' }) },
      '{}',
    );
    await stopped;
    expect(r.status).toBe(503);
    expect(JSON.parse(r.text)).toEqual({ code: 100016, msg: 'the gateway is stopping; retry', data: null });
    expect(r.headers.get('connection')).toBe('close');
    expect(isSignedByApp(r, stopping)).toBe(true);
    produced.add('service_unavailable');
  });

  const bill = (tokenId: string) =>
    `{"merchant_order_id":"bill-1","product_price":"10","token_id":"${tokenId}","denominated_currency":"USD"}`;

  it('unsupported_token: a token_id no offered network has', async () => {
    expectCode(await post('bill/create', bill('00000000-0000-5000-8000-000000000000')), 'unsupported_token', true);
  });

  it('rate_unavailable: a coin without a price', async () => {
    expectCode(await post('bill/create', bill(deriveTokenId('DEV', null))), 'rate_unavailable', true);
  });

  it('covered every code', () => {
    const all = Object.keys(ERROR_REPLIES) as KassaErrorCode[];
    expect(all.filter((c) => !produced.has(c))).toEqual([]);
  });
});
