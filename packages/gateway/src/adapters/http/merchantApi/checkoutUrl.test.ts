// Risk: concise/url/get accepts what spec §4 forbids, or creates two orders for one merchant order id.
import { createKassaClient, KassaApiError } from '@kassa/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../../test/support/startTestGateway.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';

describe.each(testDatabases())('concise/url/get ($kind)', (database) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(database);
  });
  afterAll(async () => t.stop());

  let seq = 0;
  const valid = () => ({ merchant_order_id: `order-${++seq}`, product_price: '10', product_name: 'Thing' });
  const rejection = async (body: Record<string, unknown>) => {
    try {
      await t.client.request('concise/url/get', body);
    } catch (error) {
      if (error instanceof KassaApiError) return `${error.code} ${error.msg}`;
      throw error;
    }
    return 'accepted';
  };

  it('returns a payment URL with an unguessable token under the public URL', async () => {
    const { payment_url } = await t.client.createCheckoutUrl(valid());
    expect(payment_url.startsWith(`${t.config.server.publicUrl}/pay/`)).toBe(true);
    const token = payment_url.split('/pay/')[1] ?? '';
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const page = await fetch(payment_url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Thing');
  });

  it.each([
    [{ product_price: undefined }, 'product_price: is required'],
    [{ product_price: '0' }, 'product_price: must be greater than 0'],
    [{ product_price: '-1' }, 'product_price: must be a plain decimal number'],
    [{ product_price: '1e3' }, 'product_price: must be a plain decimal number'],
    [{ product_price: ' 10' }, 'product_price: must be a plain decimal number'],
    [{ product_price: '10.001' }, 'product_price: at most 2 decimal places'],
    [{ product_price: '1000000000.01' }, 'product_price: at most 1000000000'],
    [{ product_price: 1e21 }, 'product_price: must be a plain decimal number'],
    [{ product_price: true }, 'product_price: must be a decimal string'],
    [{ merchant_order_id: undefined }, 'merchant_order_id: is required'],
    [{ merchant_order_id: 'x'.repeat(129) }, 'merchant_order_id: at most 128 characters'],
    [{ merchant_order_id: 'a\nb' }, 'merchant_order_id: must not contain control characters'],
    [{ merchant_order_id: '   ' }, 'merchant_order_id: must not be blank'],
    [{ merchant_order_id: { id: 1 } }, 'merchant_order_id: must be a string'],
    [{ product_name: '' }, 'product_name: is required'],
    [{ product_name: 'n'.repeat(257) }, 'product_name: at most 256 characters'],
    [{ order_valid_period: 59 }, 'order_valid_period: at least 60 seconds'],
    [{ order_valid_period: 864_001 }, 'order_valid_period: at most 864000 seconds'],
    [{ order_valid_period: 1.5 }, 'order_valid_period: must be a whole number of seconds'],
    [{ return_url: 'javascript:alert(1)' }, 'return_url: must be an absolute http(s) URL'],
    [{ return_url: '/relative' }, 'return_url: must be an absolute http(s) URL'],
    [{ notify_url: 'ftp://example.com/x' }, 'notify_url: must be an absolute http(s) URL'],
    [{ notify_url: `https://e.com/${'a'.repeat(2040)}` }, 'notify_url: at most 2048 characters'],
    [{ notify_url: 'https://user:pw@e.com/' }, 'notify_url: must not carry credentials'],
    [{ custom_value: 'c'.repeat(1025) }, 'custom_value: at most 1024 characters'],
  ])('refuses %j', async (change, message) => {
    expect(await rejection({ ...valid(), ...change })).toBe(`100006 ${message}`);
  });

  it.each([
    [{ product_price: 10.5 }, '10.5'],
    [{ product_price: '0.01' }, '0.01'],
    [{ product_price: '1000000000' }, '1000000000'],
    [{ product_price: '5.50' }, '5.5'],
    [{ amount: '7', product_price: '' }, '7'],
    [{ amount: '7', product_price: '8' }, '8'],
  ])('accepts %j as price %s', async (change, price) => {
    const body = { ...valid(), ...change };
    await t.client.request('concise/url/get', body);
    const [info] = await t.client.getOrders([body.merchant_order_id]);
    expect(info?.order_detail.product_price).toBe(price);
  });

  it('accepts the limits: 128-character id, 256-character name with emoji, periods 60 and 864000', async () => {
    const id = `x${'y'.repeat(127)}`;
    await t.client.createCheckoutUrl({
      ...valid(),
      merchant_order_id: id,
      product_name: '🎁'.repeat(256),
      order_valid_period: 60,
    });
    const [info] = await t.client.getOrders([id]);
    expect(info?.order_detail.expired_at).toBe((info?.order_detail.created ?? 0) + 60);
    await t.client.createCheckoutUrl({ ...valid(), order_valid_period: 864_000 });
  });

  it('idempotent: the same id and values return the same URL', async () => {
    const body = { ...valid(), return_url: 'https://shop.example/ok', custom_value: 'cv' };
    const first = await t.client.createCheckoutUrl(body);
    const second = await t.client.createCheckoutUrl({ ...body });
    expect(second.payment_url).toBe(first.payment_url);
    // The legacy spelling of the same values is the same request.
    const { product_price, ...rest } = body;
    const third = await t.client.request<{ payment_url: string }>('concise/url/get', {
      ...rest,
      amount: product_price,
    });
    expect(third.payment_url).toBe(first.payment_url);
  });

  it.each([
    { product_price: '11' },
    { product_name: 'Other' },
    { order_valid_period: 600 },
    { return_url: 'https://other.example/' },
    { notify_url: 'https://other.example/hook' },
    { custom_value: 'other' },
  ])('duplicate_order when the same id comes with %j', async (change) => {
    const body = valid();
    await t.client.createCheckoutUrl(body);
    expect(await rejection({ ...body, ...change })).toMatch(/^100007 merchant_order_id: order-\d+ already exists/);
  });

  it('two concurrent creates with one id make one order', async () => {
    const body = valid();
    const results = await Promise.all(Array.from({ length: 8 }, () => t.client.createCheckoutUrl(body)));
    expect(new Set(results.map((r) => r.payment_url)).size).toBe(1);
    const rows = await t.gateway.kassaDb.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('merchant_order_id', '=', body.merchant_order_id)
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(1);
  });

  it('the same merchant order id in two apps makes two orders', async () => {
    const other = await import('../../../app/createApp.ts').then((m) =>
      m.createApp(t.gateway.deps, { name: 'Other shop', webhookUrl: null }),
    );
    const otherClient = createKassaClient({
      appId: other.appId,
      appSecret: other.appSecret,
      baseUrl: t.baseUrl,
      now: () => t.clock.now(),
    });
    const body = valid();
    const a = await t.client.createCheckoutUrl(body);
    const b = await otherClient.createCheckoutUrl(body);
    expect(a.payment_url).not.toBe(b.payment_url);
  });
});
