// Risk: the sandbox wallet pays the wrong amount or cannot reach the late states, or the webhook inbox trusts a forged webhook or renders its body unescaped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createKassaClient, type KassaClient, type OrderInfo, signHeaders } from '@kassa/sdk';
import { createPublicClient, http } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevWallet } from '../../src/adapters/chains/evm/createDevWallet.ts';
import { type PrepareDevChainReturnType, prepareDevChain } from '../../src/adapters/chains/evm/prepareDevChain.ts';
import { type StartAnvilReturnType, startAnvil } from '../../src/adapters/chains/evm/startAnvil.ts';
import { createWebhookInbox } from '../../src/adapters/http/dev/createWebhookInbox.ts';
import { registerDevRoutes } from '../../src/adapters/http/dev/registerDevRoutes.ts';
import { renderDevWalletPanel } from '../../src/adapters/http/dev/renderDevWalletPanel.ts';
import { createApp } from '../../src/app/createApp.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { createGateway, type Gateway } from '../../src/main.ts';
import { getFreePort } from '../support/getFreePort.ts';
import { testDatabases } from '../support/testDatabases.ts';

type InboxJson = { webhooks: { seq: number; verified: boolean; problem: string | null; body: string }[] };

let anvil: StartAnvilReturnType;
let chain: PrepareDevChainReturnType;
const chainDir = mkdtempSync(path.join(tmpdir(), 'kassa-devroutes-'));

beforeAll(async () => {
  anvil = await startAnvil();
  chain = await prepareDevChain({ rpcUrl: anvil.rpcUrl, tokensFile: path.join(chainDir, 'dev-chain.json') });
});

afterAll(async () => {
  await anvil?.stop();
  rmSync(chainDir, { recursive: true, force: true });
});

describe.each(testDatabases())('sandbox wallet and webhook inbox on $kind', (database) => {
  let gateway: Gateway;
  let baseUrl: string;
  let kassa: KassaClient;
  let appId: string;
  let appSecret: string;
  let dispose: () => Promise<void>;
  let n = 0;

  beforeAll(async () => {
    const db = await database.create();
    dispose = db.dispose;
    const port = await getFreePort();
    const config = loadConfig({
      mode: 'dev',
      env: { KASSA_DATA_DIR: db.dataDir, DATABASE_URL: db.url, KASSA_PORT: String(port), KASSA_LOG_LEVEL: 'silent' },
    });
    gateway = await createGateway(config, {
      networks: [chain.network],
      ...(db.pgSchema === undefined ? {} : { pgSchema: db.pgSchema }),
      checkoutDevPanel: (state) => renderDevWalletPanel({ state, payerAddress: chain.testAccount.address }),
    });
    await gateway.http.register(registerDevRoutes, {
      deps: gateway.deps,
      kassaDb: gateway.kassaDb,
      wallet: createDevWallet({ rpcUrl: anvil.rpcUrl, privateKey: chain.testAccount.privateKey }),
      inbox: createWebhookInbox({ apps: gateway.deps.store.apps, clock: gateway.deps.clock }),
    });
    baseUrl = await gateway.listen();
    gateway.startWorkers({
      roles: ['watcher', 'dispatcher'],
      watcher: { pollIntervalMs: 50 },
      dispatcher: { pollIntervalMs: 50 },
    });
    ({ appId, appSecret } = await createApp(gateway.deps, {
      name: 'Sandbox',
      webhookUrl: `${baseUrl}/dev/inbox/receive`,
    }));
    kassa = createKassaClient({ appId, appSecret, baseUrl });
  });

  afterAll(async () => {
    await gateway?.close();
    await dispose?.();
  });

  const usdt = () => chain.network.tokens.find((t) => t.symbol === 'USDT')?.tokenId ?? '';

  /** A hosted order for 10 USD with USDT picked on its checkout page; returns its checkout token. */
  async function createOrderWithUsdt(customValue = ''): Promise<{ token: string; merchantOrderId: string }> {
    const merchantOrderId = `sandbox-${database.kind}-${++n}`;
    const { payment_url } = await kassa.createCheckoutUrl({
      merchant_order_id: merchantOrderId,
      product_name: 'Hat',
      product_price: '10',
      ...(customValue === '' ? {} : { custom_value: customValue }),
    });
    const token = new URL(payment_url).pathname.split('/')[2] ?? '';
    const before = await (await fetch(`${baseUrl}/pay/${token}`)).text();
    expect(before).toContain('Pick a coin above');
    const selected = await post(`/pay/${token}/select`, { token_id: usdt() });
    expect(selected.status).toBe(303);
    return { token, merchantOrderId };
  }

  function post(pathname: string, form: Record<string, string>, headers: Record<string, string> = {}) {
    return fetch(`${baseUrl}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
  }

  async function waitForStatus(merchantOrderId: string, status: string): Promise<OrderInfo> {
    const deadlineMs = Date.now() + 10_000;
    for (;;) {
      const [info] = await kassa.getOrders([merchantOrderId]);
      if (info?.order_detail.status === status) return info;
      if (Date.now() > deadlineMs) throw new Error(`${merchantOrderId} stayed ${info?.order_detail.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function waitForWebhooks(merchantOrderId: string, count: number) {
    const deadlineMs = Date.now() + 10_000;
    for (;;) {
      const { webhooks } = (await (await fetch(`${baseUrl}/dev/inbox.json`)).json()) as InboxJson;
      const mine = webhooks.filter((w) => w.body.includes(`"merchant_order_id":"${merchantOrderId}"`));
      if (mine.length >= count) return mine;
      if (Date.now() > deadlineMs)
        throw new Error(`${mine.length} of ${count} webhooks for ${merchantOrderId} arrived`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('shows exact, half and 1.5× of what is owed, and pays half then the rest for real', async () => {
    const { token, merchantOrderId } = await createOrderWithUsdt();
    const page = await (await fetch(`${baseUrl}/pay/${token}`)).text();
    expect(page).toContain('Pay exactly <span dir="ltr">10 USDT</span>');
    expect(page).toContain('Pay half <span dir="ltr">5 USDT</span>');
    expect(page).toContain('Pay 1.5× <span dir="ltr">15 USDT</span>');

    const half = await post('/dev/wallet/pay', { token, portion: 'half' });
    expect(half.status).toBe(303);
    expect(half.headers.get('location')).toBe(`/pay/${token}`);
    // The page the browser is sent back to already counts the payment.
    expect(await (await fetch(`${baseUrl}/pay/${token}`)).text()).toContain(
      'Pay exactly <span dir="ltr">5 USDT</span>',
    );
    await waitForStatus(merchantOrderId, 'Underpayment');

    const rest = await post('/dev/wallet/pay', { token, portion: 'exact' }, { accept: 'application/json' });
    const { txid, amount, status } = (await rest.json()) as { txid: string; amount: string; status: string };
    expect(amount).toBe('5000000');
    // The answer waits until the watcher has recorded the payment.
    expect(status).toBe('success');
    const info = await waitForStatus(merchantOrderId, 'Successful');
    expect(info.trade_list.map((t) => t.amount)).toEqual(['5', '5']);
    expect(info.trade_list[1]?.txid).toBe(txid);
    expect(info.trade_list[1]?.from_address).toBe(chain.testAccount.address.toLowerCase());

    const webhooks = await waitForWebhooks(merchantOrderId, 2);
    expect(webhooks.every((w) => w.verified)).toBe(true);
    expect(webhooks.map((w) => (JSON.parse(w.body) as { order_status: string }).order_status).sort()).toEqual([
      'Successful',
      'Underpayment',
    ]);
  });

  it('pays 1.5× as an overpayment', async () => {
    const { token, merchantOrderId } = await createOrderWithUsdt();
    const extra = await post('/dev/wallet/pay', { token, portion: 'extra' }, { accept: 'application/json' });
    expect(((await extra.json()) as { amount: string }).amount).toBe('15000000');
    await waitForStatus(merchantOrderId, 'Overpayment');
  });

  it('moves the chain clock past expiry and ends the valid period, so a payment then is overdue', async () => {
    const { token, merchantOrderId } = await createOrderWithUsdt();
    const [before] = await kassa.getOrders([merchantOrderId]);
    const originalExpirySeconds = before?.order_detail.expired_at ?? 0;
    const expired = await post('/dev/wallet/expire', { token }, { accept: 'application/json' });
    expect(await expired.json()).toMatchObject({ changed: true });
    const latest = await createPublicClient({ transport: http(anvil.rpcUrl) }).getBlock({ blockTag: 'latest' });
    expect(Number(latest.timestamp)).toBeGreaterThan(originalExpirySeconds);

    const info = await waitForStatus(merchantOrderId, 'Expired');
    expect(info.order_detail.expired_at).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    expect(await (await fetch(`${baseUrl}/pay/${token}`)).text()).toContain('The valid period has ended');

    await post('/dev/wallet/pay', { token, portion: 'exact' });
    await waitForStatus(merchantOrderId, 'Paid (Overdue)');
    // Expiring twice changes nothing more.
    expect(await (await post('/dev/wallet/expire', { token }, { accept: 'application/json' })).json()).toMatchObject({
      changed: false,
    });
  });

  it('refuses posts from other sites, unknown orders, and paying before a coin is picked', async () => {
    const { token } = await createOrderWithUsdt();
    expect((await post('/dev/wallet/pay', { token }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post('/dev/wallet/expire', { token: 'no-such-order' })).status).toBe(404);
    expect((await post('/dev/wallet/pay', { token, portion: 'all' })).status).toBe(400);
    const { payment_url } = await kassa.createCheckoutUrl({
      merchant_order_id: `sandbox-${database.kind}-unpicked`,
      product_name: 'Hat',
      product_price: '1',
    });
    const unpicked = new URL(payment_url).pathname.split('/')[2] ?? '';
    const refused = await post('/dev/wallet/pay', { token: unpicked }, { accept: 'application/json' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: 'pick a coin on the checkout page first' });
  });

  /** Posts `body` to the sandbox inbox as a webhook signed with `secret`. */
  const postToInbox = (body: string, secret = appSecret) =>
    fetch(`${baseUrl}/dev/inbox/receive`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signHeaders({ appId, appSecret: secret, nowMs: Date.now(), body }),
      },
      body,
    });

  it('verifies webhooks like a merchant: a forged one is answered 401 and listed as not verified', async () => {
    const body = '{"pay_status":"success","extend":{"merchant_order_id":"forged"}}';
    const forged = await postToInbox(body, 'not-the-secret');
    expect(forged.status).toBe(401);
    const genuine = await postToInbox(body);
    expect(genuine.status).toBe(200);
    expect(await genuine.text()).toBe('success');
    const { webhooks } = (await (await fetch(`${baseUrl}/dev/inbox.json`)).json()) as InboxJson;
    const [newest, previous] = webhooks;
    expect(newest).toMatchObject({ verified: true, problem: null, body });
    expect(previous).toMatchObject({
      verified: false,
      problem: 'webhook rejected: signature does not match the body',
      body,
    });
  });

  it('shows any body on the inbox page: any JSON, invalid JSON, non-object JSON, a deep or a large one', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const bodies = [
      '{}',
      '[]',
      '1',
      'null',
      '"<b>text</b>"',
      'not json <script>',
      '{"extend":null}',
      '{"extend":"x","pay_status":{"toString":1},"order_status":["<i>"]}',
      '{"extend":{"merchant_order_id":{"valueOf":1}}}',
      deep,
      `{"pad":"${'x'.repeat(60_000)}"}`,
    ];
    for (const body of bodies) {
      const received = await postToInbox(body);
      expect(received.status, body.slice(0, 40)).toBeLessThan(500);
    }
    const page = await fetch(`${baseUrl}/dev/inbox`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('&lt;b>text&lt;/b>');
    expect(html).toContain('not json &lt;script>');
    expect(html).toContain('&lt;i>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('TypeError');
    const inbox = await fetch(`${baseUrl}/dev/inbox.json`);
    expect(inbox.status).toBe(200);
  });

  it('escapes merchant-chosen text of webhooks on the inbox page', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { token, merchantOrderId } = await createOrderWithUsdt(hostile);
    await post('/dev/wallet/pay', { token, portion: 'exact' });
    await waitForWebhooks(merchantOrderId, 1);
    const response = await fetch(`${baseUrl}/dev/inbox`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
    expect(html).not.toContain(hostile);
  });
});
