// Risk: a merchant's official CCPayment client (Node, Python, Go, Java, PHP) writes bytes Kassa fails to verify or parse.
import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSignedByApp } from '../../../../test/support/isSignedByApp.ts';
import { postAsTestApp } from '../../../../test/support/postAsTestApp.ts';
import { startTestGateway, type TestGateway } from '../../../../test/support/startTestGateway.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';

describe.each(testDatabases())('official client request bytes ($kind)', (database) => {
  let t: TestGateway;
  const warnings: string[] = [];
  beforeAll(async () => {
    t = await startTestGateway(database, {
      logger: { level: 'warn', stream: { write: (line: string) => warnings.push(line) } },
    });
  });
  afterAll(async () => t.stop());

  const post = (path: string, body: string, contentType: string | null) =>
    postAsTestApp(t, path, body, { contentType });

  const expectSignedSuccess = (r: Awaited<ReturnType<typeof post>>) => {
    expect(r.status).toBe(200);
    expect(r.json.code, r.text).toBe(10000);
    expect(r.headers.get('appid')).toBe(t.appId);
    expect(isSignedByApp(r, t)).toBe(true);
  };

  it('Node SDK: compact JSON', async () => {
    const r = await post(
      'concise/url/get',
      '{"merchant_order_id":"node-1","product_price":"12.5","product_name":"Node shirt","order_valid_period":3600}',
      'application/json; charset=utf-8',
    );
    expectSignedSuccess(r);
    expect((r.json.data as { payment_url: string }).payment_url).toMatch(/\/pay\/[A-Za-z0-9_-]{32}$/);
  });

  it('Node SDK: empty body with application/x-www-form-urlencoded for a no-arg call', async () => {
    const r = await post('assets', '', 'application/x-www-form-urlencoded');
    // The signature verified (no auth error); the custodial call itself is refused.
    expect(r.json.code).toBe(100013);
    expect(r.headers.get('sign')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('Python SDK: ", " separators, \\u escapes and charset=uf8', async () => {
    const body =
      '{"merchant_order_id": "py-1", "product_price": "3", "product_name": "Cr\\u00e8me br\\u00fbl\\u00e9e", "custom_value": "caf\\u00e9"}';
    const r = await post('concise/url/get', body, 'application/json;charset=uf8');
    expectSignedSuccess(r);
    const info = await post('bill/info', '{"merchant_order_ids": ["py-1"]}', 'application/json;charset=uf8');
    expectSignedSuccess(info);
    const detail = (info.json.data as Array<{ order_detail: Record<string, unknown> }>)[0]?.order_detail;
    expect(detail?.product_name).toBe('Crème brûlée');
    expect(detail?.custom_value).toBe('café');
    // Non-ASCII goes out as UTF-8, not as \u escapes (spec §2).
    expect(info.text).toContain('Crème brûlée');
  });

  it('Go SDK: \\u0026 escapes and empty fields present', async () => {
    const body =
      '{"merchant_order_id":"go-1","product_price":"7.00","product_name":"Salt \\u0026 pepper \\u003cspicy\\u003e","order_valid_period":0,"return_url":"","notify_url":"","custom_value":""}';
    const r = await post('concise/url/get', body, 'application/json');
    expectSignedSuccess(r);
    const info = await post('bill/info', '{"merchant_order_ids":["go-1"]}', 'application/json');
    const detail = (info.json.data as Array<{ order_detail: Record<string, unknown> }>)[0]?.order_detail;
    expect(detail?.product_name).toBe('Salt & pepper <spicy>');
    expect(detail?.product_price).toBe('7');
    // order_valid_period 0 means absent: the default day.
    expect((detail?.expired_at as number) - (detail?.created as number)).toBe(86_400);
  });

  it('Java SDK: explicit nulls', async () => {
    const body =
      '{"merchant_order_id":"java-1","product_price":"1.99","product_name":"Java mug","order_valid_period":null,"return_url":null,"notify_url":null,"custom_value":null}';
    expectSignedSuccess(await post('concise/url/get', body, 'application/json; charset=utf-8'));
  });

  it('PHP SDK: \\/ escapes and legacy amount / valid_timestamp keys', async () => {
    const body =
      '{"merchant_order_id":"php-1","amount":"20","product_name":"PHP \\/ book","valid_timestamp":7200,"return_url":"https:\\/\\/shop.example\\/done"}';
    expectSignedSuccess(await post('concise/url/get', body, 'application/json'));
    const info = await post('bill/info', '{"merchant_order_id":["php-1"]}', 'application/json');
    expectSignedSuccess(info);
    const detail = (info.json.data as Array<{ order_detail: Record<string, unknown> }>)[0]?.order_detail;
    expect(detail?.product_price).toBe('20');
    expect(detail?.product_name).toBe('PHP / book');
    expect((detail?.expired_at as number) - (detail?.created as number)).toBe(7200);
  });

  it('PHP SDK: empty body with application/json', async () => {
    const r = await post('network/fee', '', 'application/json');
    expect(r.json.code).toBe(100013);
  });

  it('no content type at all', async () => {
    const r = await post('bill/info', '{"merchant_order_ids":["node-1"]}', null);
    expectSignedSuccess(r);
  });

  // Anything a client can put in the header is just a label on the signed bytes.
  const ODD_CONTENT_TYPES = [';;;', ';', '/', 'a/b/c', 'text', '=', 'application/json, text/plain', '', null];

  it.each(ODD_CONTENT_TYPES.map((contentType) => [JSON.stringify(contentType), contentType]))(
    'Content-Type %s: a signed request is processed and answered signed, and nothing is logged as an error',
    async (_, contentType) => {
      warnings.length = 0;
      const id = `odd-type-${ODD_CONTENT_TYPES.indexOf(contentType)}`;
      const created = await post(
        'concise/url/get',
        `{"merchant_order_id":"${id}","product_price":"3","product_name":"Odd"}`,
        contentType,
      );
      expectSignedSuccess(created);
      expectSignedSuccess(await post('bill/info', `{"merchant_order_ids":["${id}"]}`, contentType));
      expectSignedSuccess(await post('coin/all', '', contentType));

      const forged = await postAsTestApp(t, 'coin/all', 'x', { contentType, headers: { Sign: 'ab'.repeat(32) } });
      expect(forged.status).toBe(200);
      expect(forged.json.code).toBe(100003);
      expect(forged.headers.get('appid')).toBe(t.appId);
      expect(isSignedByApp(forged, t)).toBe(true);

      // Without credentials there is no app to sign for, but still no server error.
      const anonymous = await fetch(`${t.baseUrl}/ccpayment/v1/coin/all`, {
        method: 'POST',
        headers: contentType === null ? {} : { 'content-type': contentType },
        body: 'x',
      });
      expect(anonymous.status).toBe(200);
      expect(((await anonymous.json()) as { code: number }).code).toBe(100001);
      expect(warnings).toEqual([]);
    },
  );

  it('a body cut short by the client is logged as its mistake, not as a server error', async () => {
    warnings.length = 0;
    const socket = connect(Number(new URL(t.baseUrl).port), '127.0.0.1');
    await once(socket, 'connect');
    socket.end(
      `POST /ccpayment/v1/coin/all HTTP/1.1\r\nHost: 127.0.0.1\r\nAppid: ${t.appId}\r\nContent-Length: 100\r\n\r\n{"a":`,
    );
    socket.resume();
    await once(socket, 'close');
    // The next request goes through: nothing was left wedged.
    expectSignedSuccess(await post('coin/all', '', null));
    expect(warnings).toEqual([]);
  });
});
