// Risk: on a phone or a desktop, a TRON buyer's page overflows with its long T… address, txid and
// links, fails accessibility checks, or links the explorer in EVM form; an EVM page with a partial
// payment does the same with its transaction list.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTronAddress } from '../../src/adapters/chains/tron/formatTronAddress.ts';
import { parseTronAddress } from '../../src/adapters/chains/tron/parseTronAddress.ts';
import { createFixedRateSource } from '../../src/adapters/rates/createFixedRateSource.ts';
import type { Network } from '../../src/core/network.ts';
import { FAST_WATCHER_TUNING } from '../support/fastWatcherTuning.ts';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.ts';
import { startTronTestChain, type TronTestChain } from '../support/startTronTestChain.ts';
import { testDatabases } from '../support/testDatabases.ts';
import { hasChromium, launchChromium } from './support/launchChromium.ts';
import { type CheckoutPage, type DeviceKind, openCheckoutPage } from './support/openCheckoutPage.ts';

/** Chromium, anvil and the live poll take their time on a loaded 2-core CI machine. */
const BROWSER_TEST_TIMEOUT_MS = 90_000;
const USDT_UNIT = 1_000_000n;
const T_ADDRESS = /^T[1-9A-HJ-NP-Za-km-z]{33}$/;
const DEVICES: readonly DeviceKind[] = ['mobile', 'desktop'];

describe.skipIf(!hasChromium())('checkout page on TRON and with explorer links, in Chromium', () => {
  let browser: Browser;
  let tron: TronTestChain;
  let t: TestGateway;
  let stopWorkers: () => Promise<void>;
  let orders = 0;
  // One anvil serves both: the TRON network reads it through the simulator, the EVM one directly;
  // their deposit addresses come from different xpubs, so neither sees the other's payments.
  let evm: Network;

  beforeAll(async () => {
    [browser, tron] = await Promise.all([launchChromium(), startTronTestChain()]);
    evm = { ...tron.chain.network, explorerUrl: 'https://etherscan.io' };
    const [sqlite] = testDatabases();
    if (sqlite === undefined) throw new Error('no SQLite test database');
    t = await startTestGateway(sqlite, {
      networks: [evm, tron.network],
      rateSource: createFixedRateSource({ prices: { ETH: '2500', TRX: '0.25' } }),
      configFile: { server: { ipRequestsPerMinute: 10_000_000 } },
    });
    stopWorkers = t.gateway.startWorkers({ roles: ['watcher'], watcher: FAST_WATCHER_TUNING });
  });
  afterAll(async () => {
    await browser?.close();
    await stopWorkers?.();
    await t?.stop();
    await tron?.stop();
  });

  /** A new order's page on a phone and a desktop, the coin picked on the desktop. */
  async function openOrderWith(coin: string): Promise<CheckoutPage[]> {
    const { payment_url } = await t.client.createCheckoutUrl({
      merchant_order_id: `tron-page-${++orders}`,
      product_price: '10.5',
      product_name: 'Green tea, 250 g loose leaf',
    });
    const pages = await Promise.all(DEVICES.map((d) => openCheckoutPage(browser, `${payment_url}?lang=en`, d)));
    const [phone, desktop] = pages as [CheckoutPage, CheckoutPage];
    await desktop.page.locator('button.coin', { hasText: coin }).first().click();
    await Promise.all(pages.map((p) => p.waitForView('awaiting')));
    expect(phone.navigations()).toBe(1);
    return pages;
  }

  /** Screenshots at 390 and 1280 px, axe clean, and nothing wider than the screen. */
  async function capture(pages: readonly CheckoutPage[], name: string) {
    for (const p of pages) {
      await p.screenshot(name);
      expect(await p.findAccessibilityViolations(), p.device).toEqual([]);
      const overflow = await p.page.evaluate(
        '[...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((e) => e.className || e.tagName)',
      );
      expect(overflow, `${name} ${p.device}`).toEqual([]);
      expect(p.problems).toEqual([]);
    }
  }

  it(
    'TRON: the T… address, a QR code of the address alone, the hint, a TronScan link and no wallet link',
    async () => {
      const pages = await openOrderWith('TRON (TRC20)');
      const [phone, desktop] = pages as [CheckoutPage, CheckoutPage];
      const address = (await desktop.textOf('code.address')) ?? '';
      expect(address).toMatch(T_ADDRESS);
      expect(await phone.textOf('code.address')).toBe(address);
      expect(await desktop.textOf('.pay dd bdi')).toBe('TRON (TRC20)');
      expect(await desktop.textOf('code.small')).toBe(formatTronAddress(tron.chain.tokens.USDT));
      expect(await desktop.page.getAttribute('.qr-code', 'aria-label')).toBe(
        'QR code of the deposit address on TRON (TRC20)',
      );
      expect(await desktop.textOf('.qr figcaption')).toBe(
        'Scanning gives your wallet only the address: enter the amount shown here yourself.',
      );
      const link = phone.page.getByRole('link', { name: 'View on explorer (opens in a new tab)' });
      expect(await link.getAttribute('href')).toBe(`https://tronscan.org/#/address/${address}`);
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await phone.page.locator('.wallet').count()).toBe(0);
      await capture(pages, 'tron-awaiting');

      // Part of it in USDT: the counted payment links to TronScan by its txid without 0x.
      const parsed = parseTronAddress(address);
      if (!parsed.ok) throw new Error(`the page shows no TRON address: ${address}`);
      const sent = await tron.payer.payToken(tron.chain.tokens.USDT, parsed.value, 4n * USDT_UNIT);
      await Promise.all(pages.map((p) => p.waitForView('detected')));
      await tron.payer.mine(2);
      await Promise.all(pages.map((p) => p.waitForView('underpaid')));
      const tx = desktop.page.locator('.txs a.explorer');
      expect(await tx.getAttribute('href')).toBe(`https://tronscan.org/#/transaction/${sent.hash.slice(2)}`);
      expect(await desktop.textOf('.txs code.txid')).toBe(sent.hash.slice(2));
      expect(await desktop.textOf('.txs .tx-amount')).toBe('4 USDT');
      await capture(pages, 'tron-underpaid');
      await Promise.all(pages.map((p) => p.close()));
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'EVM, partly paid: the EIP-55 address and the payment linked Etherscan-style, the EVM hint kept',
    async () => {
      const pages = await openOrderWith('Kassa Devnet (ERC20)');
      const [phone, desktop] = pages as [CheckoutPage, CheckoutPage];
      const address = (await desktop.textOf('code.address')) ?? '';
      expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/);
      expect(await desktop.textOf('.qr figcaption')).toBe(
        'Scan with your wallet app: the token, network, address and amount are filled in for you.',
      );
      const sent = await tron.payer.payToken(tron.chain.tokens.USDT, address, 4n * USDT_UNIT);
      await Promise.all(pages.map((p) => p.waitForView('underpaid')));
      expect(await phone.page.locator('.pay a.explorer').getAttribute('href')).toBe(
        `https://etherscan.io/address/${address.toLowerCase()}`,
      );
      expect(await phone.page.locator('.txs a.explorer').getAttribute('href')).toBe(
        `https://etherscan.io/tx/${sent.hash}`,
      );
      expect(await phone.textOf('.txs code.txid')).toBe(sent.hash);
      expect(await phone.page.locator('.wallet a').getAttribute('href')).toMatch(/^ethereum:/);
      await capture(pages, 'evm-underpaid');
      await Promise.all(pages.map((p) => p.close()));
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
