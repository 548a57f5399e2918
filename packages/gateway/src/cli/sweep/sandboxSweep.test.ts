// Risk: the sandbox's sweep button (and `kassa sweep --execute` in a sandbox data dir) moves nothing, moves
// to the wrong account, leaves the ledger unaware, or cannot run beside the running sandbox on SQLite.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Address, createPublicClient, erc20Abi, http, parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccessibilityViolations } from '../../../test/browser/support/findAccessibilityViolations.ts';
import { hasChromium, launchChromium } from '../../../test/browser/support/launchChromium.ts';
import { SCREENSHOT_DIR } from '../../../test/browser/support/openCheckoutPage.ts';
import { buildPaidOrder } from '../../../test/support/buildPaidOrder.ts';
import { getFreePort } from '../../../test/support/getFreePort.ts';
import { insertTestApp, TEST_APP_ID } from '../../../test/support/insertTestApp.ts';
import { createDevWallet, type DevWallet } from '../../adapters/chains/evm/createDevWallet.ts';
import { deriveDepositAddress } from '../../adapters/chains/evm/deriveDepositAddress.ts';
import {
  DEV_XPUB,
  type PrepareDevChainReturnType,
  prepareDevChain,
} from '../../adapters/chains/evm/prepareDevChain.ts';
import {
  ANVIL_DEFAULT_ACCOUNT,
  ANVIL_DEFAULT_MNEMONIC,
  type StartAnvilReturnType,
  startAnvil,
} from '../../adapters/chains/evm/startAnvil.ts';
import { predictSweeperAddress } from '../../adapters/chains/evm/sweep/predictSweeperAddress.ts';
import { createWebhookInbox } from '../../adapters/http/dev/createWebhookInbox.ts';
import { registerDevRoutes } from '../../adapters/http/dev/registerDevRoutes.ts';
import { getXpubId } from '../../app/getXpubId.ts';
import { loadConfig } from '../../config/loadConfig.ts';
import type { Token } from '../../core/network.ts';
import { createGateway, type Gateway } from '../../main.ts';
import { describeSandbox } from '../dev/describeSandbox.ts';
import { SANDBOX_FILE } from '../dev/SandboxInfo.ts';
import { writeSandboxFile } from '../dev/writeSandboxFile.ts';
import { runSweepCommand } from '../runSweepCommand.ts';
import { describeSweepResult } from './describeSweepResult.ts';
import { runSandboxSweep } from './runSandboxSweep.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'kassa-sandbox-sweep-'));
let anvil: StartAnvilReturnType;
let chain: PrepareDevChainReturnType;
let gateway: Gateway;
let baseUrl: string;
let wallet: DevWallet;
let quoteCount = 0;

beforeAll(async () => {
  anvil = await startAnvil();
  chain = await prepareDevChain({ rpcUrl: anvil.rpcUrl, tokensFile: path.join(dataDir, 'dev-chain.json') });
  wallet = createDevWallet({ rpcUrl: anvil.rpcUrl, privateKey: chain.testAccount.privateKey });
  const port = await getFreePort();
  // The sandbox's own setup: SQLite in the data dir, which `kassa sweep --execute` finds there too.
  const config = loadConfig({ mode: 'dev', env: { KASSA_DATA_DIR: dataDir, KASSA_PORT: String(port) } });
  gateway = await createGateway(config, { networks: [chain.network], logger: { level: 'silent' } });
  await gateway.http.register(registerDevRoutes, {
    deps: gateway.deps,
    kassaDb: gateway.kassaDb,
    wallet,
    inbox: createWebhookInbox({ apps: gateway.deps.store.apps, clock: gateway.deps.clock }),
    sweep: async () =>
      describeSweepResult(await runSandboxSweep({ dataDir, funds: gateway.deps.store.funds, log: () => {} })),
  });
  baseUrl = await gateway.listen();
  const info = describeSandbox({
    appId: TEST_APP_ID,
    appSecret: 's'.repeat(32),
    publicUrl: baseUrl,
    rpcUrl: anvil.rpcUrl,
    chain,
  });
  writeSandboxFile(path.join(dataDir, SANDBOX_FILE), info);
  await insertTestApp(gateway.deps.store, Date.now());
}, 120_000);

afterAll(async () => {
  await gateway?.close();
  await anvil?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const chainClient = () => createPublicClient({ transport: http(anvil.rpcUrl) });
const token = (symbol: string): Token & { contract: Address } => {
  const found = chain.network.tokens.find((t) => t.symbol === symbol);
  if (found?.contract == null) throw new Error(`no test ${symbol}`);
  return { ...found, contract: found.contract };
};
const balanceOf = (contract: Address, owner: Address) =>
  chainClient().readContract({ address: contract, abi: erc20Abi, functionName: 'balanceOf', args: [owner] });

/** Pays `amount` of the token into deposit address `index` on the chain, and records it as the watcher would. */
async function payDeposit(index: number, symbol: string, amount: bigint): Promise<Address> {
  const address = deriveDepositAddress(DEV_XPUB, index);
  const paid = token(symbol);
  await wallet.pay({ to: address, contract: paid.contract, amount });
  quoteCount += 1;
  const built = buildPaidOrder({ n: 1000 + quoteCount, appId: TEST_APP_ID, nowMs: Date.now(), amount });
  const store = gateway.deps.store;
  await store.orders.insertOrder(built.order);
  const { quoteId: _id, ...quote } = built.quote;
  const inserted = await store.quotes.insertQuote({
    ...quote,
    tokenId: paid.tokenId,
    contract: paid.contract.toLowerCase(),
    address: address.toLowerCase(),
    addressIndex: index,
    xpubId: getXpubId(DEV_XPUB),
    amount,
  });
  const toAddress = address.toLowerCase();
  await store.payments.insertPayment({
    ...built.payment,
    quoteId: inserted.quoteId,
    toAddress,
    contract: paid.contract.toLowerCase(),
    amount,
  });
  return address;
}

describe('sandbox sweep', { timeout: 120_000 }, () => {
  it('the inbox page button sweeps paid deposits (tokens and ether) to the test account and shows the result', async () => {
    const usdt = token('USDT');
    const address = await payDeposit(0, 'USDT', 12_500_000n);
    await createDevWallet({ rpcUrl: anvil.rpcUrl, privateKey: chain.testAccount.privateKey }).pay({
      to: address,
      contract: null,
      amount: parseEther('0.25'),
    });
    const before = await balanceOf(usdt.contract, chain.testAccount.address);

    const page = await (await fetch(`${baseUrl}/dev/inbox`)).text();
    expect(page).toContain('<form class="dev-actions" method="post" action="/dev/sweep">');
    const response = await fetch(`${baseUrl}/dev/sweep`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      body: '',
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/dev/inbox#sweep-result');

    expect((await balanceOf(usdt.contract, chain.testAccount.address)) - before).toBe(12_500_000n);
    expect(await balanceOf(usdt.contract, address)).toBe(0n);
    expect(await chainClient().getBalance({ address })).toBe(0n);
    const shown = await (await fetch(`${baseUrl}/dev/inbox`)).text();
    expect(shown).toContain('Swept 0.25 ETH, 12.5 USDT from 1 address to');
    expect(shown).toContain('(eip7702)');
    const [usdtLine] = (await gateway.deps.store.funds.summarizeFunds()).filter(
      (l) => l.contract === usdt.contract.toLowerCase(),
    );
    expect(usdtLine).toMatchObject({ received: 12_500_000n, collected: 12_500_000n, awaiting: 0n });
  });

  it.skipIf(!hasChromium())(
    'the inbox page with its sweep panel: no axe violation at 390 and 1280 px, and the button works in Chromium',
    async () => {
      await payDeposit(5, 'USDT', 4_000_000n);
      const browser = await launchChromium();
      try {
        for (const [device, width] of [
          ['mobile', 390],
          ['desktop', 1280],
        ] as const) {
          const page = await browser.newPage({ viewport: { width, height: 900 } });
          await page.goto(`${baseUrl}/dev/inbox`);
          expect(await findAccessibilityViolations(page)).toEqual([]);
          if (device === 'desktop') {
            await page.getByRole('button', { name: 'Sweep to the test account' }).click();
            await page.waitForURL(`${baseUrl}/dev/inbox#sweep-result`);
            await expect(page.locator('#sweep-result').innerText()).resolves.toContain('Swept 4 USDT from 1 address');
            expect(await findAccessibilityViolations(page)).toEqual([]);
            // No timed refresh: the page reloads itself only once a webhook has arrived.
            expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
            const shown = await page.getAttribute('body', 'data-newest');
            await fetch(`${baseUrl}/dev/inbox/receive`, { method: 'POST', body: '{"pay_status":"success"}' });
            // Polled from outside: the page's CSP rightly refuses the eval that waitForFunction needs.
            await expect
              .poll(() => page.getAttribute('body', 'data-newest').catch(() => shown), { timeout: 10_000 })
              .not.toBe(shown);
          }
          mkdirSync(SCREENSHOT_DIR, { recursive: true });
          await page.screenshot({ path: path.join(SCREENSHOT_DIR, `sandbox-inbox-${device}.png`), fullPage: true });
          await page.close();
        }
      } finally {
        await browser.close();
      }
    },
  );

  it('refuses a cross-site press of the button', async () => {
    const response = await fetch(`${baseUrl}/dev/sweep`, {
      method: 'POST',
      headers: { 'sec-fetch-site': 'cross-site', accept: 'application/json' },
      body: '',
    });
    expect(response.status).toBe(403);
  });

  it('kassa sweep --execute in the sandbox data dir sweeps beside the running sandbox, keeping the files', async () => {
    const usdc = token('USDC');
    const address = await payDeposit(1, 'USDC', 3_000_000n);
    const before = await balanceOf(usdc.contract, chain.testAccount.address);
    // The button's sweeps (earlier tests) kept their files in the same folder.
    const kept = readdirSync(path.join(dataDir, 'sweeps'));
    expect(await runSweepCommand(['--execute', '--data-dir', dataDir])).toBe(0);
    expect((await balanceOf(usdc.contract, chain.testAccount.address)) - before).toBe(3_000_000n);
    expect(await balanceOf(usdc.contract, address)).toBe(0n);
    const files = readdirSync(path.join(dataDir, 'sweeps'));
    const added = files.filter((f) => !kept.includes(f));
    expect(added.filter((f) => f.endsWith('.plan.json'))).toHaveLength(1);
    expect(added.filter((f) => f.endsWith('.signed.json'))).toHaveLength(1);
    // Nothing is left: a second run plans an empty sweep, writes no file and sends nothing.
    expect(await runSweepCommand(['--execute', '--data-dir', dataDir])).toBe(0);
    expect(readdirSync(path.join(dataDir, 'sweeps'))).toEqual(files);
  });
});

describe('kassa sweep plan | sign | send | deploy on a configured network', { timeout: 120_000 }, () => {
  // Anvil's account 2: a treasury apart from the sandbox test account.
  const treasury: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
  const file = (name: string) => path.join(dataDir, name);

  it('plans, signs offline, sends (again safely) and deploys the sweeper', async () => {
    const usdt = token('USDT');
    const address = await payDeposit(2, 'USDT', 7_000_000n);
    const dev = {
      chainId: chain.chainId,
      rpcUrls: [anvil.rpcUrl],
      confirmations: 1,
      blockTimeSeconds: 1,
      xpub: DEV_XPUB,
      tokens: chain.network.tokens.map((t) => ({ symbol: t.symbol, contract: t.contract, decimals: t.decimals })),
      sweepTo: treasury.toLowerCase(),
    };
    writeFileSync(file('kassa.json'), JSON.stringify({ dataDir, networks: { DEV: dev } }));
    writeFileSync(file('gas.key'), ANVIL_DEFAULT_ACCOUNT.privateKey, { mode: 0o600 });
    writeFileSync(file('seed.txt'), ANVIL_DEFAULT_MNEMONIC, { mode: 0o600 });
    const config = ['--config', file('kassa.json')];
    const gasKey = ['--gas-key-file', file('gas.key')];

    const plan = ['plan', '--network', 'DEV', '--out', file('p.json'), '--strategy', 'topup', ...gasKey, ...config];
    expect(await runSweepCommand(plan)).toBe(0);
    const sign = ['sign', '--plan', file('p.json'), '--out', file('s.json'), '--seed-file', file('seed.txt')];
    expect(await runSweepCommand([...sign, '--account', '2', ...config])).toBe(0);
    expect(await balanceOf(usdt.contract, treasury)).toBe(0n);
    expect(await runSweepCommand(['send', '--signed', file('s.json'), ...gasKey, ...config])).toBe(0);
    expect(await balanceOf(usdt.contract, treasury)).toBe(7_000_000n);
    expect(await balanceOf(usdt.contract, address)).toBe(0n);
    expect(await runSweepCommand(['send', '--signed', file('s.json'), ...gasKey, ...config])).toBe(0);
    expect(await balanceOf(usdt.contract, treasury)).toBe(7_000_000n);

    const sweeper = predictSweeperAddress(treasury);
    expect(await chainClient().getCode({ address: sweeper })).toBeUndefined();
    expect(await runSweepCommand(['deploy', '--network', 'DEV', ...gasKey, ...config])).toBe(0);
    expect((await chainClient().getCode({ address: sweeper }))?.length).toBeGreaterThan(2);
    expect(await runSweepCommand(['deploy', '--network', 'DEV', ...gasKey, ...config])).toBe(0);

    // A config whose chain id the RPC contradicts stops before anything is sent.
    writeFileSync(file('wrong-chain.json'), JSON.stringify({ dataDir, networks: { DEV: { ...dev, chainId: 5 } } }));
    await expect(
      runSweepCommand(['deploy', '--network', 'DEV', ...gasKey, '--config', file('wrong-chain.json')]),
    ).rejects.toThrow(
      `the RPC of network DEV answers chain id ${chain.chainId}, but the network is configured as chain 5`,
    );
  });
});
