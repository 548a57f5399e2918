// Risk: hostile merchant input runs in the buyer's browser, or the page breaks without JavaScript, without EventSource, or for copying and switching language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './support/launchChromium.ts';
import { openCheckoutPage } from './support/openCheckoutPage.ts';
import { type CheckoutWorld, startCheckoutWorld } from './support/startCheckoutWorld.ts';

const NAME_PAYLOAD = `<script>alert("name")</script>"><img src=x onerror=alert(1)>`;
const CUSTOM_PAYLOAD = `"><img src=x onerror="window.__xss=1;alert(2)"><script>alert('cv')</script>`;
const ORDER_ID_PAYLOAD = `<svg onload=alert(3)>`;
/** Chromium, anvil and the live poll take their time on a loaded 2-core CI machine. */
const BROWSER_TEST_TIMEOUT_MS = 60_000;

describe.skipIf(!hasChromium())('checkout page safety and fallbacks in Chromium', () => {
  let w: CheckoutWorld;
  beforeAll(async () => {
    w = await startCheckoutWorld();
  });
  afterAll(async () => w?.stop());

  const createOrder = (extra: Record<string, unknown> = {}) =>
    w.createOrder({ product_price: '3', product_name: 'Postcard', ...extra });

  it(
    'shows script and markup payloads of the merchant literally and runs none of them',
    async () => {
      const url = await createOrder({
        merchant_order_id: ORDER_ID_PAYLOAD,
        product_name: NAME_PAYLOAD,
        custom_value: CUSTOM_PAYLOAD,
      });
      const p = await openCheckoutPage(w.browser, url, 'desktop');
      await p.waitForView('choose');
      expect(await p.page.locator('h1').textContent()).toBe(NAME_PAYLOAD);
      expect(await p.page.title()).toBe(`Pay for ${NAME_PAYLOAD}`);
      await p.page.locator('.details summary').click();
      expect(await p.page.locator('.details dd').allTextContents()).toEqual([ORDER_ID_PAYLOAD, CUSTOM_PAYLOAD]);
      // The live view is redrawn from server HTML: pick a coin so it is, then let a round pass.
      await p.page.locator('button.coin', { hasText: 'USDT' }).click();
      await p.waitForView('awaiting');
      await p.page.waitForTimeout(1500);
      expect(await p.page.evaluate('window.__xss')).toBeUndefined();
      expect(await p.page.locator('img, #view script, main script').count()).toBe(0);
      expect(p.problems).toEqual([]);
      await p.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'works without JavaScript: the coin is chosen by form and the page refreshes itself',
    async () => {
      const p = await openCheckoutPage(w.browser, await createOrder(), 'mobile', { javaScriptEnabled: false });
      expect(await p.textOf('#view h2')).toBe('Choose a coin');
      await p.page.locator('button.coin', { hasText: 'USDT' }).click();
      await p.page.waitForSelector('code.address');
      expect(await p.textOf('#view h2')).toBe('Send exactly this amount');
      expect(await p.textOf('.amount')).toBe('3 USDT');
      // Without the script there is no clipboard, so no copy buttons; the value itself is selectable.
      expect(await p.page.locator('button.copy').first().isVisible()).toBe(false);
      expect(await p.page.getAttribute('meta[http-equiv="refresh"]', 'content')).toBe('15');
      const address = (await p.textOf('code.address')) ?? '';
      await w.payer.payToken(w.chain.tokens.USDT, address, 3_000_000n);
      await w.payer.mine(2);
      await waitUntil(async () => {
        await p.page.reload();
        return (await p.textOf('#view h2')) === 'Payment received';
      });
      expect(await p.page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
      expect(p.problems).toEqual([]);
      await p.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'falls back to polling status.json when EventSource is missing',
    async () => {
      const p = await openCheckoutPage(w.browser, await createOrder(), 'desktop', {
        initScript: 'delete window.EventSource',
      });
      const polls: string[] = [];
      p.page.on('request', (request) => {
        if (request.url().includes('/status.json')) polls.push(request.url());
      });
      await p.page.locator('button.coin', { hasText: 'USDC' }).click();
      await p.waitForView('awaiting');
      await p.page.evaluate('window.__sameDocument = true');
      await w.payer.payToken(w.chain.tokens.USDC, (await p.textOf('code.address')) ?? '', 3_000_000n);
      await w.payer.mine(2);
      await p.waitForView('paid', 20_000);
      expect(await p.page.evaluate('window.__sameDocument')).toBe(true);
      expect(polls.length).toBeGreaterThan(0);
      expect(p.problems).toEqual([]);
      await p.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'copies the exact amount and address, and switches language',
    async () => {
      const url = await createOrder();
      const p = await openCheckoutPage(w.browser, url, 'desktop');
      await p.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
      await p.page.locator('button.coin', { hasText: 'USDT' }).click();
      await p.waitForView('awaiting');
      await p.page.getByRole('button', { name: 'Copy amount' }).click();
      expect(await p.page.evaluate('navigator.clipboard.readText()')).toBe('3');
      expect(await p.textOf('button.copy.copied')).toBe('Copied');
      await p.page.getByRole('button', { name: 'Copy address' }).click();
      expect(await p.page.evaluate('navigator.clipboard.readText()')).toBe(await p.textOf('code.address'));

      await p.page.locator('.lang summary').click();
      await p.page.getByRole('link', { name: 'Français' }).click();
      await p.waitForView('awaiting');
      expect(await p.page.getAttribute('html', 'lang')).toBe('fr');
      expect(await p.textOf('#view h2')).toBe('Envoyez exactement ce montant');
      await p.page.locator('.lang summary').click();
      await p.page.getByRole('link', { name: 'العربية' }).click();
      expect(await p.page.getAttribute('html', 'dir')).toBe('rtl');
      expect(await p.textOf('.badge')).toBe('بانتظار الدفع');
      expect(p.problems).toEqual([]);
      await p.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
