// Risk: the webhooks page hides failing deliveries of an app, pages past some, shows a merchant's
// answer as markup, or resends (one or all) without an audit entry or beyond the filter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryState } from '../src/core/Delivery.ts';
import { seedConsoleOrder } from './support/seedConsoleOrder.ts';
import { type SignedInConsoleOperator, signInConsoleOperator } from './support/signInConsoleOperator.ts';
import { startTestGateway, type TestGateway } from './support/startTestGateway.ts';
import { testDatabases } from './support/testDatabases.ts';

const HOSTILE = '<img src=x onerror=alert(1)>"><script>alert(2)</script>';

describe.each(testDatabases())('console webhooks page ($kind)', (database) => {
  let t: TestGateway;
  let operator: SignedInConsoleOperator;
  beforeAll(async () => {
    t = await startTestGateway(database);
    operator = await signInConsoleOperator(t);
    const { store } = t.gateway.deps;
    await store.apps.insertApp({
      appId: 'other',
      name: 'Other shop',
      secret: 's'.repeat(32),
      webhookUrl: null,
      createdAtMs: 0,
    });
    const now = t.clock.now();
    // 55 failed deliveries of the test app, 2 of the other, 3 pending.
    const plan: [string, DeliveryState][] = [
      ...Array.from({ length: 55 }, (): [string, DeliveryState] => [t.appId, 'failed']),
      ['other', 'failed'],
      ['other', 'failed'],
      [t.appId, 'pending'],
      [t.appId, 'pending'],
      [t.appId, 'pending'],
    ];
    for (const [n, [appId, state]] of plan.entries()) {
      const { order } = await seedConsoleOrder(store, { n: n + 1, appId, createdAtMs: now });
      const deliveryId = `d${String(n + 1).padStart(3, '0')}`;
      await store.deliveries.insertDelivery({
        deliveryId,
        appId,
        orderId: order.orderId,
        recordId: `r${n}`,
        event: 'success',
        url: 'https://shop.example/hook',
        body: '{}',
        createdAtMs: now,
      });
      await t.gateway.kassaDb.db
        .updateTable('deliveries')
        .set({ state, attempts: 1, next_attempt_at: now - n * 1000 })
        .where('delivery_id', '=', deliveryId)
        .execute();
      await t.gateway.kassaDb.db
        .insertInto('delivery_attempts')
        .values({
          delivery_id: deliveryId,
          started_at: now,
          latency_ms: 5,
          status_code: 500,
          error: null,
          response_excerpt: HOSTILE,
          delivered: 0,
        })
        .execute();
    }
  });
  afterAll(async () => t?.stop());

  const get = (path: string) => fetch(`${t.baseUrl}${path}`, { headers: { cookie: operator.cookie } });
  const post = (path: string, fields: Record<string, string>) =>
    fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: operator.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: operator.csrfToken, ...fields }),
    });
  const rowsOf = (html: string) => [...html.matchAll(/webhooks\/(d\d{3})\/resend/g)].map((m) => m[1]);
  const stateOf = async (id: string) => (await t.gateway.deps.store.deliveries.findDelivery(id))?.state;

  it('lists failed deliveries of every app, latest first, fifty a page, answers as text', async () => {
    const html = await (await get('/console/webhooks')).text();
    expect(rowsOf(html)).toHaveLength(50);
    expect(rowsOf(html)[0]).toBe('d001');
    expect(html.includes('&lt;img src=x onerror=alert(1)>&quot;>&lt;script>alert(2)&lt;/script>')).toBe(true);
    expect(html.includes('<img src=x')).toBe(false);
    const older = /rel="next" href="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? '';
    expect(rowsOf(await (await get(older)).text())).toEqual(['d051', 'd052', 'd053', 'd054', 'd055', 'd056', 'd057']);
    expect(rowsOf(await (await get('/console/webhooks?app=other')).text())).toEqual(['d056', 'd057']);
    expect(rowsOf(await (await get('/console/webhooks?state=pending')).text())).toEqual(['d058', 'd059', 'd060']);
  });

  it('resends one, and all of a filter, each audited', async () => {
    const one = await post('/console/webhooks/d056/resend', { state: 'failed', app: 'other' });
    expect(one.status).toBe(303);
    expect(one.headers.get('location')).toBe('/console/webhooks?state=failed&app=other&done=resent&count=1');
    expect(await stateOf('d056')).toBe('pending');
    const all = await post('/console/webhooks/resend-all', { state: 'failed', app: 'other' });
    expect(all.headers.get('location')).toBe('/console/webhooks?state=failed&app=other&done=resent&count=1');
    expect(await stateOf('d057')).toBe('pending');
    expect(await stateOf('d001')).toBe('failed');
    const page = await (await get('/console/webhooks?state=failed&app=other&done=resent&count=1')).text();
    expect(page).toContain('1 webhook is queued to be sent again.');
    const audit = await t.gateway.kassaDb.db
      .selectFrom('audit_log')
      .select(['action', 'target', 'details'])
      .where('action', 'like', 'webhook.%')
      .orderBy('audit_id')
      .execute();
    expect(audit.map((row) => [row.action, row.target])).toEqual([
      ['webhook.resend', 'd056'],
      ['webhook.resend_all', 'other'],
    ]);
    expect(JSON.parse(String(audit[1]?.details))).toMatchObject({ state: 'failed', count: '1' });
  });
});
