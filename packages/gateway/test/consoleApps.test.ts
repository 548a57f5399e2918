// Risk: the console's app pages change an app without the operator's CSRF token, lose what was typed
// on a refused form, show a secret twice, or leave a change out of the audit log.
import { createKassaClient } from '@kassa/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_CHAIN_XPUB } from './fixtures/devChain.ts';
import { type SignedInConsoleOperator, signInConsoleOperator } from './support/signInConsoleOperator.ts';
import { startTestGateway, type TestGateway } from './support/startTestGateway.ts';
import { SYNTHETIC_NETWORK } from './support/syntheticNetwork.ts';
import { testDatabases } from './support/testDatabases.ts';

describe.each(testDatabases())('console app pages ($kind)', (database) => {
  let t: TestGateway;
  let operator: SignedInConsoleOperator;
  beforeAll(async () => {
    t = await startTestGateway(database, {
      networks: [{ ...SYNTHETIC_NETWORK, xpub: DEV_CHAIN_XPUB }],
      configFile: { rates: { tokens: { ETH: { fixed: '2000' } } } },
    });
    operator = await signInConsoleOperator(t);
  });
  afterAll(async () => t?.stop());

  const get = (path: string) => fetch(`${t.baseUrl}${path}`, { headers: { cookie: operator.cookie } });
  const post = (path: string, fields: Record<string, string | string[]>, csrf = operator.csrfToken) => {
    const body = new URLSearchParams({ _csrf: csrf });
    for (const [name, value] of Object.entries(fields))
      for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
    return fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: operator.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
  };
  const auditActions = async () =>
    (
      await t.gateway.kassaDb.db.selectFrom('audit_log').select(['action', 'target']).orderBy('audit_id').execute()
    ).filter((row) => row.action.startsWith('app.'));

  it('creates an app and shows its secret once, which then signs API requests', async () => {
    const page = await post('/console/apps', { name: 'Tea <shop>', webhook_url: '' });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    const appId = /id="app-id">([^<]+)</.exec(html)?.[1] ?? '';
    const appSecret = /id="app-secret">([^<]+)</.exec(html)?.[1] ?? '';
    expect(html).toContain('App Tea &lt;shop> created');
    const client = createKassaClient({ appId, appSecret, baseUrl: t.baseUrl, now: () => t.clock.now() });
    expect((await client.getCoins()).list.length).toBeGreaterThan(0);
    const list = await (await get('/console/apps')).text();
    expect(list).toContain(appId);
    expect(list).not.toContain(appSecret);
    expect(await auditActions()).toContainEqual({ action: 'app.create', target: appId });
  });

  it('refuses a webhook URL the dispatcher would refuse, keeping what was typed, and saves a good one', async () => {
    const refused = await post(`/console/apps/${t.appId}/settings`, {
      webhook_url: 'https://user:pw@shop.example/hook',
      tolerance_percent: '0.5',
      notify_processing: 'on',
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('Webhook URL must not carry credentials.');
    expect(html).toContain('value="https://user:pw@shop.example/hook"');
    expect((await t.gateway.deps.store.apps.findApp(t.appId))?.webhookUrl).toBeNull();
    expect((await post(`/console/apps/${t.appId}/settings`, { webhook_url: '', tolerance_percent: '11' })).status).toBe(
      400,
    );

    const saved = await post(`/console/apps/${t.appId}/settings`, {
      webhook_url: 'https://shop.example/kassa',
      tolerance_percent: '0.5',
      notify_processing: 'on',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/console/apps/${t.appId}?done=saved`);
    const app = await t.gateway.deps.store.apps.findApp(t.appId);
    expect(app).toMatchObject({ webhookUrl: 'https://shop.example/kassa', notifyProcessing: true });
    expect(app?.paymentTolerance).toEqual({ units: 5n, scale: 3 });
    expect(await (await get(`/console/apps/${t.appId}?done=saved`)).text()).toContain('value="0.5"');
  });

  it('limits the app to the checked coins, and refuses a token that is not on offer', async () => {
    expect((await post(`/console/apps/${t.appId}/coins`, { coins: 'some', token: 'token-FAKE' })).status).toBe(400);
    expect((await post(`/console/apps/${t.appId}/coins`, { coins: 'some' })).status).toBe(400);
    expect(
      (await post(`/console/apps/${t.appId}/coins`, { coins: 'some', token: ['token-USDT', 'token-ETH'] })).status,
    ).toBe(303);
    expect((await t.gateway.deps.store.apps.findApp(t.appId))?.enabledTokenIds).toEqual(['token-USDT', 'token-ETH']);
    const coins = (await t.client.getCoins()).list.map((coin) => coin.symbol);
    expect(coins).toEqual(['USDT', 'ETH']);
    expect((await post(`/console/apps/${t.appId}/coins`, { coins: 'all' })).status).toBe(303);
    expect((await t.gateway.deps.store.apps.findApp(t.appId))?.enabledTokenIds).toBeNull();
  });

  it('rotates the secret: the old one stops working, the new one is shown once', async () => {
    const html = await (await post(`/console/apps/${t.appId}/rotate-secret`, {})).text();
    const secret = /id="app-secret">([^<]+)</.exec(html)?.[1] ?? '';
    expect(secret).not.toBe(t.appSecret);
    // Signed with the new secret, the reply cannot be verified with the old one either.
    await expect(t.client.getCoins()).rejects.toMatchObject({ name: 'KassaSignatureError' });
    const client = createKassaClient({
      appId: t.appId,
      appSecret: secret,
      baseUrl: t.baseUrl,
      now: () => t.clock.now(),
    });
    expect((await client.getCoins()).list.length).toBe(3);
  });

  it('disables and enables the app, and refuses a post without the CSRF token', async () => {
    const forged = await post(`/console/apps/${t.appId}/disable`, {}, 'not-the-token');
    expect(forged.status).toBe(403);
    expect((await t.gateway.deps.store.apps.findApp(t.appId))?.disabledAtMs).toBeNull();
    expect((await post(`/console/apps/${t.appId}/disable`, {})).status).toBe(303);
    expect((await t.gateway.deps.store.apps.findApp(t.appId))?.disabledAtMs).toBe(t.clock.now());
    expect(await (await get(`/console/apps/${t.appId}?done=disabled`)).text()).toContain('Disabled since');
    expect((await post(`/console/apps/${t.appId}/enable`, {})).status).toBe(303);
    expect((await t.gateway.deps.store.apps.findApp(t.appId))?.disabledAtMs).toBeNull();
    expect((await auditActions()).map((row) => row.action)).toEqual([
      'app.create',
      'app.settings',
      'app.coins',
      'app.coins',
      'app.secret.rotate',
      'app.disable',
      'app.enable',
    ]);
  });

  it('answers 404 for an unknown app', async () => {
    expect((await get('/console/apps/no-such-app')).status).toBe(404);
  });
});
