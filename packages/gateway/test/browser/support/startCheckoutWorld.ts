import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KassaClient } from '@kassa/sdk';
import type { Browser } from 'playwright-core';
import { createFixedRateSource } from '../../../src/adapters/rates/createFixedRateSource.ts';
import type { Network } from '../../../src/core/network.ts';
import { type DevChain, startDevChain } from '../../fixtures/devChain.ts';
import { createPayer, type Payer } from '../../support/createPayer.ts';
import { startTestGateway, type TestGateway } from '../../support/startTestGateway.ts';
import { testDatabases } from '../../support/testDatabases.ts';
import { launchChromium } from './launchChromium.ts';

/** Confirmations of the browser suites' network: every payment shows as detected before it counts. */
export const CONFIRMATIONS = 3;

type CheckoutUrlRequest = Parameters<KassaClient['createCheckoutUrl']>[0];

/** Chromium, a running dev chain, gateway with its chain watcher, a payer and the merchant's return page. */
export type CheckoutWorld = {
  readonly browser: Browser;
  readonly chain: DevChain;
  readonly network: Network;
  readonly t: TestGateway;
  readonly payer: Payer;
  /** A page on another origin the paid checkout returns to. */
  readonly returnUrl: string;
  tokenIdOf(symbol: string): string;
  /** Creates a hosted order and resolves to its payment URL; the merchant order id is numbered unless given. */
  createOrder(fields: Omit<CheckoutUrlRequest, 'merchant_order_id'> & { merchant_order_id?: string }): Promise<string>;
  stop(): Promise<void>;
};

/**
 * Headless Chromium, anvil with test USDT/USDC, the real gateway on SQLite (the database variants
 * are covered by the HTTP suites) with its chain watcher following the chain closely, and a return
 * page server.
 */
export async function startCheckoutWorld(): Promise<CheckoutWorld> {
  const [browser, chain] = await Promise.all([launchChromium(), startDevChain()]);
  const network: Network = { ...chain.network, confirmations: CONFIRMATIONS };
  const [sqlite] = testDatabases();
  if (sqlite === undefined) throw new Error('no SQLite test database');
  const t = await startTestGateway(sqlite, {
    networks: [network],
    rateSource: createFixedRateSource({ prices: { ETH: '2500' } }),
    // The test clock stands still, so a per-minute window would never reset.
    configFile: { server: { ipRequestsPerMinute: 10_000_000 } },
  });
  const stopWorkers = t.gateway.startWorkers({ roles: ['watcher'], watcher: { pollIntervalMs: 50 } });
  const returnServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html lang="en"><title>Shop</title><h1>Thanks for your order</h1></html>');
  });
  await new Promise<void>((resolve) => returnServer.listen(0, '127.0.0.1', resolve));
  const { port } = returnServer.address() as AddressInfo;
  let orders = 0;
  return {
    browser,
    chain,
    network,
    t,
    payer: createPayer(chain.rpcUrl, chain.testAccount.privateKey),
    returnUrl: `http://127.0.0.1:${port}/thanks`,
    tokenIdOf(symbol) {
      const token = network.tokens.find((x) => x.symbol === symbol);
      if (token === undefined) throw new Error(`no ${symbol} on the dev network`);
      return token.tokenId;
    },
    async createOrder(fields) {
      const { payment_url } = await t.client.createCheckoutUrl({ merchant_order_id: `order-${++orders}`, ...fields });
      return payment_url;
    },
    async stop() {
      await browser.close();
      await stopWorkers();
      await t.stop();
      await new Promise((resolve) => returnServer.close(resolve));
      await chain.stop();
    },
  };
}
