// Risk: a buyer paying with real on-chain transfers sees a wrong, stale or inaccessible checkout state (spec §6), or has to reload to see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './support/launchChromium.ts';
import { openCheckoutPage } from './support/openCheckoutPage.ts';
import { type CheckoutWorld, startCheckoutWorld } from './support/startCheckoutWorld.ts';

const USDT = 1_000_000n;
/** Chromium, anvil and the live poll take their time on a loaded 2-core CI machine. */
const BROWSER_TEST_TIMEOUT_MS = 90_000;

describe.skipIf(!hasChromium())('checkout page in Chromium, driven by devnet payments', () => {
  let w: CheckoutWorld;
  beforeAll(async () => {
    w = await startCheckoutWorld();
  });
  afterAll(async () => w?.stop());

  const createOrder = (extra: Record<string, unknown> = {}) =>
    w.createOrder({
      product_price: '10.5',
      product_name: 'Green tea, 250 g loose leaf',
      custom_value: 'gift wrap',
      ...extra,
    });

  /** The same order on a desktop in English, a phone in English and a phone in Arabic. */
  async function openEverywhere(url: string) {
    const [desktop, phone, arabic] = await Promise.all([
      openCheckoutPage(w.browser, `${url}?lang=en`, 'desktop'),
      openCheckoutPage(w.browser, `${url}?lang=en`, 'mobile'),
      openCheckoutPage(w.browser, `${url}?lang=ar`, 'mobile'),
    ]);
    const pages = [desktop, phone, arabic] as const;
    return {
      desktop,
      phone,
      arabic,
      pages,
      waitForView: (view: string) => Promise.all(pages.map((p) => p.waitForView(view))),
      /** Screenshots of every page; axe in English and in Arabic. */
      async capture(state: string) {
        await Promise.all([
          desktop.screenshot(`${state}-en`),
          phone.screenshot(`${state}-en`),
          arabic.screenshot(`${state}-ar`),
        ]);
        expect(await desktop.findAccessibilityViolations()).toEqual([]);
        expect(await arabic.findAccessibilityViolations()).toEqual([]);
      },
      /** Marks each document so a reload would show: live updates must keep it. */
      async markDocuments() {
        await Promise.all(pages.map((p) => p.page.evaluate('window.__sameDocument = true')));
      },
      async expectSameDocuments() {
        for (const p of pages) expect(await p.page.evaluate('window.__sameDocument === true')).toBe(true);
      },
      async close() {
        for (const p of pages) expect(p.problems).toEqual([]);
        await Promise.all(pages.map((p) => p.close()));
      },
    };
  }

  /** Pays and mines the blocks that give the payment its confirmations. */
  async function pay(symbol: 'USDT' | 'USDC', address: string, amount: bigint) {
    await w.payer.payToken(w.chain.tokens[symbol], address, amount);
  }
  const confirm = () => w.payer.mine(2);

  it(
    'lets the buyer choose and change the coin, and every open page follows live',
    async () => {
      const url = await createOrder();
      const o = await openEverywhere(url);
      const { desktop, phone, arabic } = o;
      await o.waitForView('choose');
      expect(await desktop.textOf('h1')).toBe('Green tea, 250 g loose leaf');
      expect(await desktop.textOf('.price')).toBe('Price: 10.50 USD');
      expect(await desktop.textOf('#timer')).toMatch(/^Time left (24:00:00|23:59:[45]\d)$/);
      expect(await desktop.page.locator('button.coin').allTextContents()).toEqual([
        'Kassa Devnet (ERC20)10.5 USDT',
        'Kassa Devnet (ERC20)10.5 USDC',
        'Kassa Devnet0.0042 ETH',
      ]);
      expect(await arabic.textOf('#view h2')).toBe('اختر عملة');
      expect(await arabic.page.evaluate('document.dir')).toBe('rtl');
      await o.capture('choose');

      // The desktop picks USDT with the form; the phones follow without reloading.
      await o.markDocuments();
      await desktop.page.locator('button.coin', { hasText: 'USDT' }).click();
      await o.waitForView('awaiting');
      expect(await phone.textOf('.amount')).toBe('10.5 USDT');
      expect(phone.navigations()).toBe(1);

      // The phone changes its mind: USDC (same network, same address). The desktop follows live.
      await phone.page.getByRole('link', { name: 'Change coin' }).click();
      await phone.waitForView('choose');
      expect(await phone.textOf('.coin .tag')).toBe('Current choice');
      await phone.page.locator('button.coin', { hasText: 'USDC' }).click();
      await phone.waitForView('awaiting');
      await desktop.page.waitForSelector('text=Send only USDC on Kassa Devnet (ERC20).');
      await arabic.page.waitForSelector('.amount >> text=10.5 USDC');
      const address = (await phone.textOf('code.address')) ?? '';
      expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/);
      expect(await desktop.textOf('code.address')).toBe(address);
      expect(await desktop.textOf('.badge')).toBe('Awaiting payment');
      expect(await desktop.page.getAttribute('.qr-code', 'aria-label')).toBe(
        'QR code: pay 10.5 USDC on Kassa Devnet (ERC20) to the deposit address',
      );
      expect(await phone.page.locator('.wallet a').getAttribute('href')).toBe(
        `ethereum:${w.chain.tokens.USDC}@${w.chain.chainId}/transfer?address=${address}&uint256=10500000`,
      );
      expect(await desktop.page.locator('.wallet').isVisible()).toBe(false);
      expect(await phone.page.locator('.wallet').isVisible()).toBe(true);
      await o.capture('awaiting');

      // Only the Arabic phone never navigated: it saw both choices live.
      expect(await arabic.page.evaluate('window.__sameDocument')).toBe(true);
      expect(arabic.navigations()).toBe(1);
      await o.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'is paid in parts, seen before it counts, then returns the buyer to the merchant',
    async () => {
      const url = await createOrder({ return_url: w.returnUrl });
      const o = await openEverywhere(url);
      const { desktop, phone, arabic } = o;
      await desktop.page.locator('button.coin', { hasText: 'USDC' }).click();
      await o.waitForView('awaiting');
      const address = (await desktop.textOf('code.address')) ?? '';

      // Part of it: seen in a block first, then confirmed.
      await o.markDocuments();
      await pay('USDC', address, 4n * USDT);
      await o.waitForView('detected');
      expect(await desktop.textOf('.confirm-count')).toBe('Confirmations: 1 of 3');
      expect(await desktop.textOf('.confirm p')).toBe(
        'We can see 4 USDC on its way. It counts once the network has confirmed it.',
      );
      expect(await desktop.page.getByRole('link', { name: 'Change coin' }).count()).toBe(0);
      await o.capture('detected');

      await confirm();
      await o.waitForView('underpaid');
      expect(await desktop.textOf('.badge')).toBe('Underpayment');
      expect(await desktop.page.locator('.sum').allTextContents()).toEqual([
        'Amount due10.5 USDC',
        'Received4 USDC',
        'Still to pay6.5 USDC',
      ]);
      expect(await desktop.textOf('.amount')).toBe('6.5 USDC');
      expect(await desktop.textOf('code.address')).toBe(address);
      expect(await desktop.page.getAttribute('.qr-code', 'aria-label')).toContain('pay 6.5 USDC');
      expect(await arabic.textOf('.badge')).toBe('دفع ناقص');
      await o.capture('underpaid');

      await pay('USDC', address, 6_500_000n);
      await confirm();
      await o.waitForView('paid');
      await o.expectSameDocuments();
      expect(await desktop.textOf('.badge')).toBe('Paid');
      expect(await desktop.textOf('#view h2')).toBe('Payment received');
      expect(await desktop.textOf('.lead')).toBe('Thank you! Your payment of 10.5 USDC is confirmed.');
      expect(await desktop.page.locator('#timer').isVisible()).toBe(false);
      expect(await desktop.page.locator('code.address').count()).toBe(0);
      expect(await desktop.textOf('.redirect')).toMatch(/^Taking you back to the merchant in \d+ s…$/);
      await desktop.page.getByRole('button', { name: 'Stay on this page' }).click();
      expect(await desktop.page.locator('.redirect').isVisible()).toBe(false);
      await o.capture('paid');

      // The phone was left alone: the countdown returns it to the merchant.
      await phone.page.waitForURL(w.returnUrl, { timeout: 15_000 });
      expect(desktop.page.url()).toContain('/pay/');
      phone.problems.length = 0;
      await o.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'shows an overpayment with the amounts',
    async () => {
      const o = await openEverywhere(await createOrder());
      await o.desktop.page.locator('button.coin', { hasText: 'USDT' }).click();
      await o.waitForView('awaiting');
      await o.markDocuments();
      await pay('USDT', (await o.desktop.textOf('code.address')) ?? '', 12n * USDT);
      await o.waitForView('detected');
      await confirm();
      await o.waitForView('overpaid');
      await o.expectSameDocuments();
      expect(await o.desktop.textOf('.badge')).toBe('Overpayment');
      expect(await o.desktop.textOf('.lead')).toBe(
        'Thank you! You sent 12 USDT, which is more than the 10.5 USDT due. Contact the merchant about the difference.',
      );
      await o.capture('overpaid');
      await o.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'expires live: the address disappears when time is up',
    async () => {
      const o = await openEverywhere(await createOrder({ order_valid_period: 60, return_url: w.returnUrl }));
      await o.desktop.page.locator('button.coin', { hasText: 'USDT' }).click();
      await o.waitForView('awaiting');
      await o.markDocuments();
      w.t.clock.advance(61_000);
      await o.waitForView('expired');
      await o.expectSameDocuments();
      expect(await o.desktop.textOf('.badge')).toBe('Expired');
      expect(await o.desktop.textOf('#view h2')).toBe('This payment request has expired');
      expect(await o.desktop.page.locator('code.address, .qr-code, .wallet').count()).toBe(0);
      expect(await o.desktop.page.locator('#timer').isVisible()).toBe(false);
      expect(await o.desktop.page.getByRole('link', { name: 'Return to the merchant' }).getAttribute('href')).toBe(
        w.returnUrl,
      );
      await o.capture('expired');
      await o.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'shows each (Overdue) state when funds arrive after the valid period',
    async () => {
      const o = await openEverywhere(await createOrder({ order_valid_period: 60 }));
      await o.desktop.page.locator('button.coin', { hasText: 'USDT' }).click();
      await o.waitForView('awaiting');
      const address = (await o.desktop.textOf('code.address')) ?? '';
      w.t.clock.advance(61_000);
      await o.waitForView('expired');
      await o.markDocuments();

      await pay('USDT', address, 4n * USDT);
      await o.waitForView('detected');
      await confirm();
      await o.waitForView('underpaid');
      expect(await o.desktop.textOf('.badge')).toBe('Underpayment (Overdue)');
      expect(await o.desktop.page.locator('.sum').allTextContents()).toContain('Still to pay6.5 USDT');
      // Time is up: the page no longer asks for the rest, so it shows no address.
      expect(await o.desktop.page.locator('code.address, .qr-code').count()).toBe(0);
      expect(await o.desktop.textOf('.note')).toContain('Please contact the merchant about the missing amount.');
      await o.capture('underpaid-overdue');

      await pay('USDT', address, 6_500_000n);
      await confirm();
      await o.waitForView('paid');
      expect(await o.desktop.textOf('.badge')).toBe('Paid (Overdue)');
      expect(await o.desktop.textOf('.note')).toBe(
        'Your payment arrived after the time to pay had ended. The merchant decides how to handle it.',
      );
      await o.capture('paid-overdue');

      await pay('USDT', address, 1n * USDT);
      await confirm();
      await o.desktop.page.waitForSelector('.badge >> text=Overpayment (Overdue)');
      await o.waitForView('overpaid');
      expect(await o.arabic.textOf('.badge')).toBe('دفع زائد (متأخر)');
      await o.expectSameDocuments();
      await o.capture('overpaid-overdue');
      await o.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
