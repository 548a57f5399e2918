// Risk: an operator cannot find an order paid on chain by one of its keys, cannot see whether the
// merchant got its webhook, or cannot make it go again; or a merchant's hostile data runs as markup
// in the console; or a console page fails axe or overflows a phone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../src/core/network.ts';
import { type DevChain, startDevChain } from '../fixtures/devChain.ts';
import { createPayer, type SentPayment } from '../support/createPayer.ts';
import { type SignedInConsoleOperator, signInConsoleOperator } from '../support/signInConsoleOperator.ts';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/startWebhookReceiver.ts';
import { testDatabases } from '../support/testDatabases.ts';
import { CONSOLE_WIDTHS, inspectConsolePage } from './support/inspectConsolePage.ts';
import { hasChromium, launchChromium } from './support/launchChromium.ts';

const NAME = `<img src=x onerror="window.__xss=1">"><script>window.__xss=2</script>`;
const CUSTOM = `"><svg onload="window.__xss=3"></svg><b>bold</b>`;
const NOTIFY_QUERY = `x="><img src=x onerror="window.__xss=6"><script>window.__xss=7</script>`;
const ANSWER = `<img src=x onerror="window.__xss=4">"><script>window.__xss=5</script> busy`;
const TIMEOUT_MS = 90_000;

describe.skipIf(!hasChromium())('console orders and webhooks in Chromium', () => {
  let browser: Browser;
  let chain: DevChain;
  let t: TestGateway;
  let receiver: WebhookReceiver;
  let operator: SignedInConsoleOperator;
  let stopWorkers: () => Promise<void>;
  const paid = { orderId: '', address: '', sent: undefined as SentPayment | undefined };

  beforeAll(async () => {
    const [sqlite] = testDatabases();
    if (sqlite === undefined) throw new Error('no SQLite test database');
    [browser, chain] = await Promise.all([launchChromium(), startDevChain()]);
    // The first attempt fails with a hostile answer; every later one is acknowledged.
    receiver = await startWebhookReceiver(() =>
      receiver.received.length === 1 ? { status: 500, body: ANSWER } : { status: 200, body: 'success' },
    );
    const network: Network = { ...chain.network, explorerUrl: 'https://explorer.example' };
    t = await startTestGateway(sqlite, {
      networks: [network],
      configFile: { server: { ipRequestsPerMinute: 1_000_000 } },
    });
    stopWorkers = t.gateway.startWorkers({
      roles: ['watcher', 'dispatcher'],
      watcher: { pollIntervalMs: 50 },
      dispatcher: { pollIntervalMs: 50 },
    });
    operator = await signInConsoleOperator(t);
  }, TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await stopWorkers?.();
    await t?.stop();
    await receiver?.close();
    await chain?.stop();
  });

  it(
    'pays an order on anvil; its first webhook fails with a hostile answer',
    async () => {
      const { payment_url } = await t.client.createCheckoutUrl({
        merchant_order_id: 'tea-42',
        product_price: '5',
        product_name: NAME,
        custom_value: CUSTOM,
        notify_url: `${receiver.baseUrl}/hook?${NOTIFY_QUERY}`,
      });
      const buyer = await browser.newPage();
      await buyer.goto(payment_url);
      await buyer.locator('button.coin', { hasText: 'USDT' }).click();
      paid.address = (await buyer.locator('code.address').textContent()) ?? '';
      await buyer.close();
      paid.sent = await createPayer(chain.rpcUrl, chain.testAccount.privateKey).payToken(
        chain.tokens.USDT,
        paid.address,
        5_000_000n,
      );
      const [order] = await t.gateway.deps.store.orders.findOrdersByMerchantOrderIds(t.appId, ['tea-42']);
      paid.orderId = order?.orderId ?? '';
      await waitFor(async () => {
        const [delivery] = await t.gateway.deps.store.deliveries.listDeliveries({ limit: 5 });
        return (
          delivery !== undefined &&
          (await t.gateway.deps.store.deliveries.listAttempts(delivery.deliveryId)).some((a) => a.state === 'finished')
        );
      });
      expect(paid.address).toMatch(/^0x[0-9a-fA-F]{40}$/);
      expect(receiver.received).toHaveLength(1);
    },
    TIMEOUT_MS,
  );

  it(
    'finds the order by each of its four keys and shows its payment and webhook attempt as text',
    async () => {
      const txid = paid.sent?.hash ?? '';
      const keys = ['tea-42', paid.orderId, paid.address, paid.address.toLowerCase(), txid, txid.slice(2)];
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies([operator.browserCookie]);
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      for (const key of keys) {
        await page.goto(`${t.baseUrl}/console/orders`);
        await page.getByLabel('Find an order').fill(key);
        await page.getByRole('button', { name: 'Search' }).click();
        await page.locator(`a[href="/console/orders/${paid.orderId}"]`).click();
        await page.waitForURL(`**/console/orders/${paid.orderId}`);
        expect(await page.locator('h1').textContent(), key).toBe('Order tea-42');
      }
      const main = await page.locator('main').innerText();
      expect(main).toContain(NAME);
      expect(main).toContain(CUSTOM);
      expect(main).toContain(`/hook?${NOTIFY_QUERY}`);
      expect(main).toContain('Payment confirmed: 5 USDT');
      expect(await page.locator(`a[href="https://explorer.example/tx/${txid}"]`).count()).toBeGreaterThan(0);
      expect(await page.locator('.attempt').count()).toBe(1);
      expect(await page.locator('.attempt pre.excerpt').textContent()).toBe(ANSWER);
      expect(await page.evaluate('window.__xss')).toBeUndefined();
      expect(await page.locator('main img, main svg:not(.chart), main script, main b').count()).toBe(0);
      expect(dialogs).toEqual([]);
      await context.close();
      // The webhook waits for its retry: the webhooks page lists it, with its answer as text.
      for (const width of CONSOLE_WIDTHS) {
        let pageWiderByPx = -1;
        const found = await inspectConsolePage(browser, {
          url: `${t.baseUrl}/console/webhooks?state=pending`,
          cookie: operator.browserCookie,
          width,
          name: 'webhooks-retrying',
          act: async (page) => {
            pageWiderByPx = Number(
              await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
            );
          },
        });
        expect(pageWiderByPx).toBe(0);
        expect({
          width,
          violations: found.violations,
          overflowing: found.overflowing,
          problems: found.problems,
        }).toEqual({
          width,
          violations: [],
          overflowing: [],
          problems: [],
        });
        expect(found.text).toContain(paid.orderId);
        expect(found.text).toContain(ANSWER.slice(0, 40));
      }
    },
    TIMEOUT_MS,
  );

  it(
    'resends the webhook from the order page and shows the new, acknowledged attempt',
    async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
      await context.addCookies([operator.browserCookie]);
      const page = await context.newPage();
      await page.goto(`${t.baseUrl}/console/orders/${paid.orderId}`);
      await page.getByRole('button', { name: 'Resend' }).click();
      await page.getByText('The webhook is queued to be sent again.').waitFor();
      await waitFor(async () => {
        await page.reload();
        return (await page.locator('.attempt').count()) === 2;
      });
      expect(await page.locator('.attempt .badge').allTextContents()).toEqual(['500', '200']);
      expect(await page.locator('[id^="webhook-"] > .badge').textContent()).toBe('delivered');
      expect(receiver.received).toHaveLength(2);
      const audit = await t.gateway.kassaDb.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'webhook.resend')
        .execute();
      expect(audit).toHaveLength(1);
      await context.close();
    },
    TIMEOUT_MS,
  );

  it(
    'passes axe on every page of the section at 390 and 1280 px, nothing wider than the screen',
    async () => {
      const pages: [string, string, ((page: Page) => Promise<void>)?][] = [
        ['/console/webhooks?state=pending', 'webhooks-after-resend'],
        ['/console', 'overview'],
        ['/console/orders', 'orders'],
        ['/console/orders?q=tea-42', 'orders-search'],
        [`/console/orders/${paid.orderId}`, 'order'],
        ['/console/orders/000000000000000000000000000000000', 'order-missing'],
      ];
      for (const [path, name, act] of pages) {
        for (const width of CONSOLE_WIDTHS) {
          let pageWiderByPx = -1;
          const found = await inspectConsolePage(browser, {
            url: `${t.baseUrl}${path}`,
            cookie: operator.browserCookie,
            width,
            name,
            act: async (page) => {
              await act?.(page);
              // Whatever sticks out (even from inside a scrolling table) must not widen the page.
              pageWiderByPx = Number(
                await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
              );
            },
          });
          expect({ name, width, pageWiderByPx }).toEqual({ name, width, pageWiderByPx: 0 });
          const problems = found.problems.filter((p) => !(name === 'order-missing' && /status of 404/.test(p)));
          expect({ name, width, violations: found.violations, overflowing: found.overflowing, problems }).toEqual({
            name,
            width,
            violations: [],
            overflowing: [],
            problems: [],
          });
        }
      }
    },
    // Twelve page loads with axe each: a loaded 2-core machine takes its time.
    3 * TIMEOUT_MS,
  );
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
