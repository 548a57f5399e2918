// Risk: an app the operator limited to some coins still lists, prices or takes the others; a disabled
// app's credentials keep working (or its open orders stop being served).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_CHAIN_XPUB } from './fixtures/devChain.ts';
import { startTestGateway, type TestGateway } from './support/startTestGateway.ts';
import { SYNTHETIC_NETWORK } from './support/syntheticNetwork.ts';
import { testDatabases } from './support/testDatabases.ts';

describe.each(testDatabases())('app coins and disabling ($kind)', (database) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(database, {
      networks: [{ ...SYNTHETIC_NETWORK, xpub: DEV_CHAIN_XPUB }],
      configFile: { rates: { tokens: { ETH: { fixed: '2000' } } } },
    });
  });
  afterAll(async () => t?.stop());

  const setApp = (change: Parameters<TestGateway['gateway']['deps']['store']['apps']['updateSettings']>[1]) =>
    t.gateway.deps.store.apps.updateSettings(t.appId, change, t.clock.now());
  const listedTokenIds = async () =>
    (await t.client.getCoins()).list.flatMap((coin) => coin.tokens.map((token) => token.token_id));

  it('takes every token by default, and only the chosen ones once the operator picks', async () => {
    expect(await listedTokenIds()).toEqual(['token-USDT', 'token-USDC', 'token-ETH']);
    await setApp({ enabledTokenIds: ['token-USDT'] });
    expect((await t.gateway.deps.store.apps.findApp(t.appId))?.enabledTokenIds).toEqual(['token-USDT']);
    expect(await listedTokenIds()).toEqual(['token-USDT']);
    await expect(
      t.client.createBill({
        merchant_order_id: 'eth-bill',
        product_price: '10',
        token_id: 'token-ETH',
        denominated_currency: 'USD',
      }),
    ).rejects.toMatchObject({ code: 100010, message: expect.stringContaining('not enabled for this app') });
    const bill = await t.client.createBill({
      merchant_order_id: 'usdt-bill',
      product_price: '10',
      token_id: 'token-USDT',
      denominated_currency: 'USD',
    });
    expect(bill).toMatchObject({ crypto: 'USDT' });
  });

  it('offers the buyer only those coins, and refuses a pick of another one', async () => {
    const { payment_url: url } = await t.client.createCheckoutUrl({
      merchant_order_id: 'hosted-1',
      product_name: 'Tea',
      product_price: '5',
    });
    const page = await (await fetch(url)).text();
    expect(page).toContain('value="token-USDT"');
    expect(page).not.toContain('value="token-ETH"');
    const select = await fetch(`${url}/select`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token_id=token-ETH',
    });
    expect(select.status).toBe(303);
    expect(select.headers.get('location')).toContain('error=');
    const order = await t.gateway.deps.store.orders.findOrderByCheckoutToken(new URL(url).pathname.split('/')[2] ?? '');
    expect(await t.gateway.deps.store.quotes.listQuotesForOrders([order?.orderId ?? ''])).toEqual([]);
    await setApp({ enabledTokenIds: null });
    expect(await listedTokenIds()).toEqual(['token-USDT', 'token-USDC', 'token-ETH']);
  });

  it('refuses a disabled app as unknown, unsigned, and takes it back once enabled', async () => {
    await setApp({ disabled: true });
    expect((await t.gateway.deps.store.apps.findApp(t.appId))?.disabledAtMs).toBe(t.clock.now());
    await expect(t.client.getCoins()).rejects.toMatchObject({
      cause: { code: 100002, msg: 'the app is disabled' },
    });
    await setApp({ disabled: false });
    expect((await t.gateway.deps.store.apps.findApp(t.appId))?.disabledAtMs).toBeNull();
    expect(await listedTokenIds()).toHaveLength(3);
  });
});
