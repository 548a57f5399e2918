// Risk: the console's order pages lose orders between pages, miss an order by one of its keys, export
// a CSV a spreadsheet would run as formulas, or resend a webhook without CSRF or without an audit entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedConsoleOrder } from './support/seedConsoleOrder.ts';
import { type SignedInConsoleOperator, signInConsoleOperator } from './support/signInConsoleOperator.ts';
import { startTestGateway, type TestGateway } from './support/startTestGateway.ts';
import { SYNTHETIC_NETWORK } from './support/syntheticNetwork.ts';
import { testDatabases } from './support/testDatabases.ts';

const usdt = (n: number) => ({
  networkKey: 'DEV',
  symbol: 'USDT',
  decimals: 6,
  contract: '0x00000000000000000000000000000000000000a1',
  tokenRate: '1',
  amount: 12_500_000n,
  address: `0x${n.toString(16).padStart(40, 'a')}`,
});
const txid = (n: number) => `0x${n.toString(16).padStart(64, 'c')}`;
const orderIdOf = (n: number) => String(n).padStart(33, '0');

describe.each(testDatabases())('console order pages ($kind)', (database) => {
  let t: TestGateway;
  let operator: SignedInConsoleOperator;
  beforeAll(async () => {
    t = await startTestGateway(database, { networks: [{ ...SYNTHETIC_NETWORK, explorerUrl: 'https://scan.example' }] });
    operator = await signInConsoleOperator(t);
    const now = t.clock.now();
    for (let n = 1; n <= 60; n++) {
      await seedConsoleOrder(t.gateway.deps.store, {
        n,
        appId: t.appId,
        createdAtMs: now - (60 - n) * 60_000,
        merchantOrderId: n === 7 ? '=HYPERLINK("http://evil.example","x")' : `shop-${n}`,
        productName: n === 8 ? '+cmd|calc' : `Tea ${n}`,
        quotes: n % 2 === 0 ? [usdt(n)] : [],
        ...(n === 10
          ? {
              status: { funds: 'full', isOverdue: false } as const,
              payment: { txid: txid(10), amount: 12_500_000n, status: 'success' as const, atMs: now },
            }
          : {}),
      });
    }
    await t.gateway.deps.store.deliveries.insertDelivery({
      deliveryId: 'delivery-10',
      appId: t.appId,
      orderId: orderIdOf(10),
      recordId: `R${orderIdOf(10).slice(1)}`,
      event: 'success',
      url: 'https://shop.example/hook',
      body: '{}',
      createdAtMs: now,
    });
    await t.gateway.kassaDb.db.updateTable('deliveries').set({ state: 'failed', attempts: 1 }).execute();
  });
  afterAll(async () => t?.stop());

  const get = (path: string) => fetch(`${t.baseUrl}${path}`, { headers: { cookie: operator.cookie } });
  const orderLinks = (html: string) =>
    [...html.matchAll(/href="\/console\/orders\/(\d{33})"/g)].map((m) => Number(m[1]));

  it('pages through every order newest first, fifty at a time, with no count', async () => {
    const first = await get('/console/orders');
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(orderLinks(html)).toEqual(Array.from({ length: 50 }, (_, i) => 60 - i));
    const older = /rel="next" href="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? '';
    const second = await (await get(older)).text();
    expect(orderLinks(second)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(second).not.toContain('rel="next"');
  });

  it('filters by coin and finds an order by each of its keys', async () => {
    const coin = await (await get('/console/orders?coin=USDT&network=DEV')).text();
    expect(orderLinks(coin)).toHaveLength(30);
    const checksummed = SYNTHETIC_NETWORK.kind.formatAddress(usdt(10).address);
    for (const key of [
      'shop-10',
      orderIdOf(10),
      checksummed,
      usdt(10).address.toUpperCase().replace('0X', '0x'),
      txid(10),
      txid(10).slice(2),
    ]) {
      const found = await (await get(`/console/orders?q=${encodeURIComponent(key)}`)).text();
      expect(orderLinks(found), key).toEqual([10]);
    }
    expect(orderLinks(await (await get('/console/orders?q=nothing-like-it')).text())).toEqual([]);
  });

  it('exports the filtered list as CSV, every row, formulas disarmed', async () => {
    const response = await get('/console/orders.csv?status=Pending');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^"order_id","merchant_order_id","app_id",/);
    expect(lines).toHaveLength(1 + 59);
    expect(lines.find((l) => l.startsWith(`"${orderIdOf(7)}"`))).toContain(
      `"'=HYPERLINK(""http://evil.example"",""x"")"`,
    );
    expect(lines.find((l) => l.startsWith(`"${orderIdOf(8)}"`))).toContain(`"'+cmd|calc"`);
  });

  it('shows an order with its payment and explorer links, and 404 for an unknown id', async () => {
    const html = await (await get(`/console/orders/${orderIdOf(10)}`)).text();
    expect(html).toContain('Payment confirmed: 12.5 USDT');
    expect(html).toContain(`href="https://scan.example/tx/${txid(10)}"`);
    expect(html).toContain(SYNTHETIC_NETWORK.kind.formatAddress(usdt(10).address));
    expect((await get(`/console/orders/${orderIdOf(99)}`)).status).toBe(404);
  });

  it('refuses a NUL in a search, a cursor, an order id or a form with 400 (PostgreSQL failed on each)', async () => {
    for (const path of ['/console/orders?q=a%00b', '/console/orders?before=1.a%00b', '/console/orders/a%00b']) {
      const response = await get(path);
      expect([path, response.status, await response.text()]).toEqual([path, 400, expect.stringContaining('NUL')]);
    }
    // A new app's name is written to the database as given.
    const form = await fetch(`${t.baseUrl}/console/apps`, {
      method: 'POST',
      headers: { cookie: operator.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: `_csrf=${operator.csrfToken}&name=Tea%00Shop&webhook_url=`,
    });
    expect([form.status, await form.text()]).toEqual([400, expect.stringContaining('NUL')]);
    const raw = await fetch(`${t.baseUrl}/console/apps`, {
      method: 'POST',
      headers: { cookie: operator.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: `_csrf=${operator.csrfToken}&name=Tea\u0000Shop&webhook_url=`,
    });
    expect(raw.status).toBe(400);
    expect((await get('/console/orders?q=shop-9')).status).toBe(200);
  });

  it("resends a webhook only with the session's CSRF token, and audits it", async () => {
    const path = `/console/orders/${orderIdOf(10)}/webhooks/delivery-10/resend`;
    const post = (csrf: string) =>
      fetch(`${t.baseUrl}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: operator.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf }),
      });
    expect((await post('forged')).status).toBe(403);
    expect((await t.gateway.deps.store.deliveries.findDelivery('delivery-10'))?.state).toBe('failed');
    const done = await post(operator.csrfToken);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/console/orders/${orderIdOf(10)}?done=resent#webhook-delivery-10`);
    expect((await t.gateway.deps.store.deliveries.findDelivery('delivery-10'))?.state).toBe('pending');
    const audit = await t.gateway.kassaDb.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'webhook.resend')
      .execute();
    expect(audit.map((row) => [row.target, row.operator_name])).toEqual([['delivery-10', operator.operatorName]]);
    const page = await (await get(`/console/orders/${orderIdOf(10)}?done=resent`)).text();
    expect(page).toContain('The webhook is queued to be sent again.');
  });
});
