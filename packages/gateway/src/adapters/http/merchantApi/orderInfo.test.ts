// Risk: bill/info answers with the wrong shape, order, status or bytes for orders without payments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequentialIds } from '../../../../test/support/createSequentialIds.ts';
import { postAsTestApp } from '../../../../test/support/postAsTestApp.ts';
import { postSigned } from '../../../../test/support/postSigned.ts';
import { startTestGateway, type TestGateway } from '../../../../test/support/startTestGateway.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';

describe.each(testDatabases())('bill/info before any payment ($kind)', (database) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(database, { ids: createSequentialIds() });
  });
  afterAll(async () => t.stop());

  const post = (path: string, body: string) => postAsTestApp(t, path, body);

  it('pins the bytes of the success responses of concise/url/get and bill/info', async () => {
    const created = await post(
      'concise/url/get',
      '{"merchant_order_id":"pin-1","product_price":"19.90","product_name":"Café crème","order_valid_period":3600,"custom_value":"a/b"}',
    );
    const base = t.config.server.publicUrl;
    expect(created.text).toBe(
      `{"code":10000,"msg":"success","data":{"payment_url":"${base}/pay/token000000000000000000000000004"}}`,
    );
    const info = await post('bill/info', '{"merchant_order_ids":["pin-1"]}');
    const created_s = Math.floor(t.clock.now() / 1000);
    expect(info.text).toBe(
      `{"code":10000,"msg":"success","data":[{"order_detail":{"order_id":"000000000000000000000000000000003","merchant_order_id":"pin-1","product_name":"Café crème","product_price":"19.9","denominated_currency":"USD","chain":"","contract":"","crypto":"","order_amount":"","token_rate":"","status":"Pending","created":${created_s},"custom_value":"a/b","paid_amount":"0","expired_at":${created_s + 3600}},"trade_list":[],"refund_list":[]}]}`,
    );
    for (const r of [created, info]) {
      expect(JSON.stringify(JSON.parse(r.text))).toBe(r.text);
      expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    }
  });

  it('pins the bytes of an error response', async () => {
    const r = await post('concise/url/get', '{"merchant_order_id":"pin-2","product_name":"x"}');
    expect(r.text).toBe('{"code":100006,"msg":"product_price: is required","data":null}');
  });

  it('Pending inside the valid period, Expired after it', async () => {
    await t.client.createCheckoutUrl({
      merchant_order_id: 'exp-1',
      product_price: '5',
      product_name: 'x',
      order_valid_period: 60,
    });
    expect((await t.client.getOrders(['exp-1']))[0]?.order_detail.status).toBe('Pending');
    t.clock.advance(59_999);
    expect((await t.client.getOrders(['exp-1']))[0]?.order_detail.status).toBe('Pending');
    t.clock.advance(1);
    expect((await t.client.getOrders(['exp-1']))[0]?.order_detail.status).toBe('Expired');
  });

  it('follows the request order, leaves unknown ids out, and collapses repeats', async () => {
    for (const id of ['o-a', 'o-b', 'o-c']) {
      await t.client.createCheckoutUrl({ merchant_order_id: id, product_price: '1', product_name: id });
    }
    const infos = await t.client.getOrders(['o-c', 'missing', 'o-a', 'o-c']);
    expect(infos.map((i) => i.order_detail.merchant_order_id)).toEqual(['o-c', 'o-a']);
    expect(infos.every((i) => i.trade_list.length === 0 && i.refund_list.length === 0)).toBe(true);
  });

  it('accepts 100 ids, the single-id legacy key, and a bare string', async () => {
    const ids = Array.from({ length: 99 }, (_, i) => `none-${i}`);
    expect(await t.client.getOrders([...ids, 'o-a'])).toHaveLength(1);
    const legacy = await post('bill/info', '{"merchant_order_id":"o-b"}');
    expect((legacy.json.data as unknown[]).length).toBe(1);
  });

  it('refuses an empty list and non-string ids', async () => {
    expect((await post('bill/info', '{"merchant_order_ids":[]}')).json.msg).toBe(
      'merchant_order_ids: must not be empty',
    );
    expect((await post('bill/info', '{}')).json.msg).toBe('merchant_order_ids: is required');
    expect((await post('bill/info', '{"merchant_order_ids":[{"a":1}]}')).json.msg).toBe(
      'merchant_order_ids: must be a string',
    );
  });

  it('refuses ids no order can have, as creating one would (a NUL used to fail the query on PostgreSQL)', async () => {
    const nul = await post('bill/info', '{"merchant_order_ids":["o-a","bad\\u0000id"]}');
    expect([nul.status, nul.json.code, nul.json.msg]).toEqual([
      200,
      100006,
      'merchant_order_ids: must not contain a NUL character',
    ]);
    expect((await post('bill/info', '{"merchant_order_ids":["a\\tb"]}')).json.msg).toBe(
      'merchant_order_ids: must not contain control characters',
    );
    expect((await post('bill/info', '{"merchant_order_ids":["  "]}')).json.msg).toBe(
      'merchant_order_ids: must not be blank',
    );
  });

  it("never shows another app's orders", async () => {
    const { createApp } = await import('../../../app/createApp.ts');
    const other = await createApp(t.gateway.deps, { name: 'Other', webhookUrl: null });
    const r = await postSigned({
      baseUrl: t.baseUrl,
      path: 'bill/info',
      body: '{"merchant_order_ids":["o-a"]}',
      appId: other.appId,
      appSecret: other.appSecret,
      timestamp: Math.floor(t.clock.now() / 1000),
    });
    expect(r.json.code).toBe(100008);
  });
});
