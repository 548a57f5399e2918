// Risk: collected money goes astray, is paid twice or stranded, or the funds ledger disagrees with the chain (issue 13).

import path from 'node:path';
import { type Address, createPublicClient, erc20Abi, http } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_XPUB } from '../src/adapters/chains/evm/prepareDevChain.ts';
import { ANVIL_DEFAULT_ACCOUNT, ANVIL_DEFAULT_MNEMONIC } from '../src/adapters/chains/evm/startAnvil.ts';
import { buildSweepPlan } from '../src/adapters/chains/evm/sweep/buildSweepPlan.ts';
import { deploySweeper } from '../src/adapters/chains/evm/sweep/deploySweeper.ts';
import { sendSignedSweep } from '../src/adapters/chains/evm/sweep/sendSignedSweep.ts';
import { signSweepPlan } from '../src/adapters/chains/evm/sweep/signSweepPlan.ts';
import type { Network } from '../src/core/network.ts';
import type { SweepPlan, SweepStrategy } from '../src/core/sweep/SweepPlan.ts';
import { type DevChain, startDevChain } from './fixtures/devChain.ts';
import { createPayer } from './support/createPayer.ts';
import { FAST_WATCHER_TUNING } from './support/fastWatcherTuning.ts';
import { type PaidTotals, payTwentyOrders } from './support/payTwentyOrders.ts';
import { startTestGateway, type TestGateway } from './support/startTestGateway.ts';
import { testDatabases } from './support/testDatabases.ts';

/** Native coin a topup plan's sweeps keep back as their fee, per address: native − value sent. */
function nativeFeesOf(plan: SweepPlan): bigint {
  let fees = 0n;
  for (const address of plan.addresses) {
    const native = address.transactions.find((tx) => tx.kind === 'native');
    if (native !== undefined) fees += BigInt(address.native) - BigInt(native.amount);
  }
  return fees;
}

// Every strategy on SQLite; on PostgreSQL (when CI gives one) the top-up, the path the watcher must tell from payments.
const [sqlite, postgres] = testDatabases();
const runs = [
  { strategy: 'topup' as SweepStrategy, hardfork: undefined, database: sqlite },
  { strategy: 'topup' as SweepStrategy, hardfork: 'cancun', database: sqlite },
  { strategy: 'eip7702' as SweepStrategy, hardfork: undefined, database: sqlite },
  ...(postgres === undefined ? [] : [{ strategy: 'topup' as SweepStrategy, hardfork: undefined, database: postgres }]),
];

describe.each(runs.map((run) => ({ ...run, kind: run.database?.kind })))(
  'sweeping 20 orders paid in USDT, USDC and ETH: $strategy (hardfork: $hardfork, $kind)',
  ({ strategy, hardfork, database }) => {
    let chain: DevChain;
    let network: Network;
    let t: TestGateway;
    let stopWorkers: () => Promise<void>;
    let paid: PaidTotals;
    const destination = privateKeyToAccount(generatePrivateKey()).address;

    beforeAll(async () => {
      chain = await startDevChain(hardfork === undefined ? {} : { hardfork });
      // The sandbox's deposit xpub: the dev chain's own derives anvil's funded accounts, the gas wallet among them.
      network = { ...chain.network, xpub: DEV_XPUB };
      t = await startTestGateway(database ?? (undefined as never), {
        networks: [network],
        configFile: { rates: { tokens: { ETH: { fixed: '2000' } } } },
      });
      stopWorkers = t.gateway.startWorkers({ roles: ['watcher'], watcher: FAST_WATCHER_TUNING });
      paid = await payTwentyOrders(t, network, createPayer(chain.rpcUrl, chain.testAccount.privateKey));
    }, 120_000);
    afterAll(async () => {
      await stopWorkers?.();
      await t?.stop();
      await chain?.stop();
    });

    it('moves exactly what was paid to the destination, leaves no token behind, and the ledger agrees', async () => {
      const publicClient = createPublicClient({ transport: http(chain.rpcUrl) });
      const gasAccount = privateKeyToAccount(ANVIL_DEFAULT_ACCOUNT.privateKey);
      if (strategy === 'eip7702') {
        const { createWalletClient } = await import('viem');
        const walletClient = createWalletClient({ account: gasAccount, transport: http(chain.rpcUrl) });
        await deploySweeper({ publicClient, walletClient, destination });
      }
      const funds = t.gateway.deps.store.funds;
      const addresses = await funds.listPaidAddresses('DEV');
      expect(addresses).toHaveLength(20);
      const { plan } = await buildSweepPlan({
        publicClient,
        network,
        addresses,
        destination,
        strategy,
        gasWallet: gasAccount.address,
        dust: new Map(),
        planId: `plan-${strategy}-${hardfork ?? 'default'}`,
        now: new Date(),
      });
      expect(plan.strategy).toBe(strategy);
      const signed = signSweepPlan({
        plan,
        secret: ANVIL_DEFAULT_MNEMONIC,
        expected: { destination, chainId: chain.chainId },
      });
      const report = await sendSignedSweep({
        signed,
        publicClient,
        gasWallet: gasAccount,
        funds,
        journalFile: path.join(t.config.dataDir, `${plan.planId}.journal`),
        now: () => Date.now(),
        log: () => {},
      });
      expect(report).toBeDefined();

      const balanceOf = (token: Address, owner: Address) =>
        publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [owner] });
      for (const token of [chain.tokens.USDT, chain.tokens.USDC]) {
        expect(await balanceOf(token, destination)).toBe(paid.get(token.toLowerCase()));
        for (const { address } of addresses) expect(await balanceOf(token, address as Address)).toBe(0n);
      }
      const nativePaid = paid.get('native') ?? 0n;
      const nativeFees = strategy === 'eip7702' ? 0n : nativeFeesOf(plan);
      expect(await publicClient.getBalance({ address: destination })).toBe(nativePaid - nativeFees);
      if (strategy === 'topup') {
        // Each native sweep paid exactly the fee the plan stated: a plain transfer at the plan's gas price.
        const nativeSweeps = plan.addresses.filter((a) => a.transactions.some((tx) => tx.kind === 'native'));
        expect(nativeSweeps.length).toBeGreaterThan(0);
        expect(nativeFees).toBe(BigInt(nativeSweeps.length) * 21_000n * BigInt(plan.gasPrice));
      } else {
        for (const { address } of addresses)
          expect(await publicClient.getBalance({ address: address as Address })).toBe(0n);
      }

      // The watcher scans past the sweep: a top-up into an address also quoted in ETH is no payment.
      const head = await publicClient.getBlockNumber();
      for (let cursor = -1n; cursor <= head; await new Promise((resolve) => setTimeout(resolve, 20))) {
        cursor = (await t.gateway.deps.store.chain.findCursor('DEV')) ?? -1n;
      }
      const ledger = await funds.summarizeFunds();
      for (const line of ledger.filter((l) => l.networkKey === 'DEV')) {
        const key = line.contract ?? 'native';
        expect(line.received).toBe(paid.get(key));
        const collected = key === 'native' ? nativePaid - nativeFees : paid.get(key);
        expect(line.collected).toBe(collected);
      }
      expect(ledger.filter((l) => l.networkKey === 'DEV')).toHaveLength(3);
      // What the ledger says still awaits is what the chain holds: no token, and only top-up leftovers in coin.
      let nativeHeld = 0n;
      for (const { address } of addresses) nativeHeld += await publicClient.getBalance({ address: address as Address });
      const awaiting = new Map(ledger.map((line) => [line.contract ?? 'native', line.awaiting]));
      expect(awaiting).toEqual(new Map([...paid.keys()].map((key) => [key, key === 'native' ? nativeHeld : 0n])));
      if (strategy === 'topup') expect(nativeHeld).toBeGreaterThan(0n);
    }, 120_000);
  },
);
