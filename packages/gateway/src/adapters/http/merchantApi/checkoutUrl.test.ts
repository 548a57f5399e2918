// Risk: concise/url/get accepts what spec §4 forbids, or creates two orders for one merchant order id.
import { createKassaClient, KassaApiError } from '@kassa/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../../test/support/startTestGateway.ts';
import { testDatabases } from '../../../../test/support/testDatabases.ts';

const refused = (target: string) => `webhook target ${target}; Kassa does not deliver webhooks there`;

/** Requests spec §4 forbids, each as a change to a valid one, and the `invalid_param` message it earns. */
const REFUSED: readonly (readonly [Record<string, unknown>, string])[] = [
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
  [{ notify_url: 'https://@e.com/' }, 'notify_url: must not carry credentials'],
  // A browser resolves these against the page or reads a host out of a path: only `scheme://host` counts.
  [{ return_url: 'http:evil.example' }, 'return_url: must be an absolute http(s) URL'],
  [{ return_url: 'HTTPS:evil.example/x' }, 'return_url: must be an absolute http(s) URL'],
  [{ return_url: 'https:/evil.example' }, 'return_url: must be an absolute http(s) URL'],
  [{ return_url: 'http:///evil.example' }, 'return_url: must be an absolute http(s) URL'],
  [{ return_url: 'http:\\\\evil.example' }, 'return_url: must be an absolute http(s) URL'],
  [{ return_url: ' https://shop.example/' }, 'return_url: must be an absolute http(s) URL'],
  [{ return_url: 'javascript://shop.example/%0aalert(1)' }, 'return_url: must be an absolute http(s) URL'],
  [{ notify_url: 'http:evil.example' }, 'notify_url: must be an absolute http(s) URL'],
  // The delivery guard would refuse these at send time: the merchant hears it now instead.
  [{ notify_url: 'http://10.0.0.5/hook' }, `notify_url: ${refused('10.0.0.5 is a private address')}`],
  [{ notify_url: 'http://167772165/hook' }, `notify_url: ${refused('10.0.0.5 is a private address')}`],
  [{ notify_url: 'http://0x0a.0.0.5/hook' }, `notify_url: ${refused('10.0.0.5 is a private address')}`],
  [{ notify_url: 'http://012.0.0.5/hook' }, `notify_url: ${refused('10.0.0.5 is a private address')}`],
  [{ notify_url: 'http://192.168.1.1./hook' }, `notify_url: ${refused('192.168.1.1 is a private address')}`],
  [
    { notify_url: 'http://[::ffff:10.0.0.5]/hook' },
    `notify_url: ${refused('::ffff:a00:5 is a private address (IPv4-mapped 10.0.0.5)')}`,
  ],
  [{ notify_url: 'http://[fd00::1]/hook' }, `notify_url: ${refused('fd00::1 is a private address')}`],
  [{ notify_url: 'http://[fe80::1]/hook' }, `notify_url: ${refused('fe80::1 is a link-local address')}`],
  [
    { notify_url: 'http://169.254.169.254/latest/meta-data' },
    `notify_url: ${refused('169.254.169.254 is a cloud metadata address')}`,
  ],
  [
    { notify_url: 'http://metadata.google.internal/' },
    `notify_url: ${refused('metadata.google.internal resolves to a cloud metadata address (169.254.169.254)')}`,
  ],
  [{ notify_url: 'http://0.0.0.0:8080/' }, `notify_url: ${refused('0.0.0.0 is an unspecified address')}`],
  [{ custom_value: 'c'.repeat(1025) }, 'custom_value: at most 1024 characters'],
  // PostgreSQL stores no NUL in text: it used to fail the insert there (internal error).
  [{ custom_value: 'a\u0000b' }, 'custom_value: must not contain a NUL character'],
];

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

  it.each(REFUSED)('refuses %j', async (change, message) => {
    expect(await rejection({ ...valid(), ...change })).toBe(`100006 ${message}`);
  });

  it.each([
    'https://shop.example/done?x=1#y',
    'HTTPS://Shop.Example:8443/done',
    // Dev mode: loopback receives webhooks (webhooks.allowedCidrs), so it may be named up front too.
    'http://127.0.0.1:9/hook',
    'http://localhost:9/hook',
    'http://[::1]:9/hook',
  ])('accepts %s as return_url and notify_url', async (url) => {
    const body = { ...valid(), return_url: url, notify_url: url };
    await t.client.createCheckoutUrl(body);
    const [info] = await t.client.getOrders([body.merchant_order_id]);
    expect(info?.order_detail.merchant_order_id).toBe(body.merchant_order_id);
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

describe.each(testDatabases())("notify_url under the operator's webhook address policy ($kind)", (database) => {
  let t: TestGateway;
  beforeAll(async () => {
    // As in production, but with the merchant's internal network allowed: loopback is refused.
    t = await startTestGateway(database, { configFile: { webhooks: { allowedCidrs: ['10.0.0.0/8'] } } });
  });
  afterAll(async () => t.stop());

  let seq = 0;
  const create = async (notifyUrl: string) => {
    try {
      await t.client.createCheckoutUrl({
        merchant_order_id: `policy-${++seq}`,
        product_price: '1',
        product_name: 'Thing',
        notify_url: notifyUrl,
      });
      return 'accepted';
    } catch (error) {
      if (error instanceof KassaApiError) return `${error.code} ${error.msg}`;
      throw error;
    }
  };

  it.each(['http://10.1.2.3/hook', 'http://[::ffff:10.1.2.3]/hook', 'https://shop.example/hook'])(
    'accepts %s, which the delivery guard allows',
    async (url) => {
      expect(await create(url)).toBe('accepted');
    },
  );

  it.each([
    ['http://127.0.0.1/hook', '127.0.0.1 is a loopback address'],
    ['http://2130706433/hook', '127.0.0.1 is a loopback address'],
    ['http://0177.0.0.1/hook', '127.0.0.1 is a loopback address'],
    ['http://0x7f.1/hook', '127.0.0.1 is a loopback address'],
    ['http://[::1]/hook', '::1 is a loopback address'],
    ['http://[::ffff:127.0.0.1]/hook', '::ffff:7f00:1 is a loopback address (IPv4-mapped 127.0.0.1)'],
    ['http://localhost:8080/hook', 'localhost resolves to a loopback address (127.0.0.1)'],
    ['http://LocalHost./hook', 'localhost resolves to a loopback address (127.0.0.1)'],
    ['http://shop.localhost/hook', 'shop.localhost resolves to a loopback address (127.0.0.1)'],
  ])('refuses %s, which the delivery guard refuses', async (url, why) => {
    expect(await create(url)).toBe(`100006 notify_url: ${refused(why)}`);
  });
});
