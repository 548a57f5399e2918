import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type Address,
  createPublicClient,
  createWalletClient,
  erc20Abi,
  http,
  type LocalAccount,
  type PublicClient,
} from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { deriveDepositAddress } from '../../src/adapters/chains/evm/deriveDepositAddress.ts';
import { mintTestToken } from '../../src/adapters/chains/evm/mintTestToken.ts';
import { DEV_XPUB } from '../../src/adapters/chains/evm/prepareDevChain.ts';
import { ANVIL_DEFAULT_ACCOUNT, ANVIL_DEFAULT_MNEMONIC } from '../../src/adapters/chains/evm/startAnvil.ts';
import { buildSweepPlan } from '../../src/adapters/chains/evm/sweep/buildSweepPlan.ts';
import type { SweepSendReport } from '../../src/adapters/chains/evm/sweep/SweepSendReport.ts';
import {
  type SendSignedSweepParameters,
  sendSignedSweep,
} from '../../src/adapters/chains/evm/sweep/sendSignedSweep.ts';
import { signSweepPlan } from '../../src/adapters/chains/evm/sweep/signSweepPlan.ts';
import { getXpubId } from '../../src/app/getXpubId.ts';
import type { Network } from '../../src/core/network.ts';
import type { FundsStore } from '../../src/core/ports/FundsStore.ts';
import type { SignedSweep } from '../../src/core/sweep/SignedSweep.ts';
import type { SweepStrategy } from '../../src/core/sweep/SweepPlan.ts';
import { type DevChain, startDevChain } from '../fixtures/devChain.ts';
import { openTestStore, type TestStore } from './openTestStore.ts';
import { testDatabases } from './testDatabases.ts';

/** What a deposit address is paid before a sweep, base units. */
export type DepositFunding = { readonly USDT?: bigint; readonly USDC?: bigint; readonly native?: bigint };

export type SweepSendFixture = {
  readonly chain: DevChain;
  /** The DEV network, deriving from the sandbox xpub (none of anvil's pre-funded accounts). */
  readonly network: Network;
  readonly publicClient: PublicClient;
  readonly funds: FundsStore;
  readonly gasAccount: LocalAccount;
  /** A fresh address per fixture: its balances are exactly what sweeps moved. */
  readonly destination: Address;
  readonly dir: string;
  fund(index: number, funding: DepositFunding): Promise<Address>;
  planAndSign(p: {
    indexes: readonly number[];
    strategy: SweepStrategy;
    planId: string;
    gasWallet?: Address;
  }): Promise<SignedSweep>;
  send(signed: SignedSweep, overrides?: Partial<SendSignedSweepParameters>): Promise<SweepSendReport>;
  tokenBalance(token: Address, owner: Address): Promise<bigint>;
  stop(): Promise<void>;
};

/**
 * A real anvil with test tokens, a real SQLite funds ledger and the real plan and sign steps, for
 * the `send` tests: each test pays some deposit addresses, plans, signs, and sends.
 */
export async function startSweepSendFixture(options: { hardfork?: string } = {}): Promise<SweepSendFixture> {
  const chain = await startDevChain(options.hardfork === undefined ? {} : { hardfork: options.hardfork });
  const [sqlite] = testDatabases();
  let testStore: TestStore | undefined;
  try {
    testStore = await openTestStore(sqlite ?? (undefined as never));
  } catch (error) {
    await chain.stop();
    throw error;
  }
  const store = testStore;
  const network: Network = { ...chain.network, xpub: DEV_XPUB };
  // cacheTime 0: a block number cached from before the test's own funding would look like a block mined by the send.
  const publicClient = createPublicClient({ transport: http(chain.rpcUrl), pollingInterval: 50, cacheTime: 0 });
  const payer = createWalletClient({
    account: privateKeyToAccount(chain.testAccount.privateKey),
    transport: http(chain.rpcUrl),
  });
  const gasAccount = privateKeyToAccount(ANVIL_DEFAULT_ACCOUNT.privateKey);
  const destination = privateKeyToAccount(generatePrivateKey()).address;
  const dir = mkdtempSync(path.join(tmpdir(), 'kassa-sweep-send-'));
  const fixture: SweepSendFixture = {
    chain,
    network,
    publicClient,
    funds: store.store.funds,
    gasAccount,
    destination,
    dir,
    async fund(index, funding) {
      const address = deriveDepositAddress(DEV_XPUB, index);
      const { rpcUrl, testAccount, tokens } = chain;
      for (const symbol of ['USDT', 'USDC'] as const) {
        const amount = funding[symbol];
        if (amount === undefined) continue;
        await mintTestToken({ rpcUrl, privateKey: testAccount.privateKey, token: tokens[symbol], to: address, amount });
      }
      if (funding.native !== undefined) {
        const hash = await payer.sendTransaction({ to: address, value: funding.native, chain: null });
        await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 });
      }
      return address;
    },
    async planAndSign({ indexes, strategy, planId, gasWallet = gasAccount.address }) {
      const xpubId = getXpubId(DEV_XPUB);
      const addresses = indexes.map((index) => ({
        address: deriveDepositAddress(DEV_XPUB, index).toLowerCase(),
        index,
        xpubId,
      }));
      const { plan } = await buildSweepPlan({
        publicClient,
        network,
        addresses,
        destination,
        strategy,
        gasWallet,
        dust: new Map(),
        planId,
        now: new Date(),
      });
      return signSweepPlan({ plan, secret: ANVIL_DEFAULT_MNEMONIC, expected: { destination, chainId: chain.chainId } });
    },
    send: (signed, overrides = {}) =>
      sendSignedSweep({
        signed,
        publicClient,
        gasWallet: gasAccount,
        funds: store.store.funds,
        journalFile: path.join(dir, `${signed.plan.planId}.journal`),
        now: () => 1_700_000_000_000,
        log: () => {},
        receiptTimeoutMs: 20_000,
        ...overrides,
      }),
    tokenBalance: (token, owner) =>
      publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [owner] }),
    async stop() {
      await store.dispose();
      await chain.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}
