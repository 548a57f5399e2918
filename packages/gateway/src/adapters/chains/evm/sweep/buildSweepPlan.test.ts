// Guards against a sweep plan that misreads the chain: wrong balances, nonces, gas, fees, dust or strategy.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Address, createTestClient, createWalletClient, encodeFunctionData, erc20Abi, http } from 'viem';
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevChain } from '../../../../../test/fixtures/devChain.ts';
import { startRpcProxy } from '../../../../../test/support/startRpcProxy.ts';
import { getXpubId } from '../../../../app/getXpubId.ts';
import type { Network } from '../../../../core/network.ts';
import type { DepositAddress } from '../../../../core/ports/FundsStore.ts';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import type { SweepAddressPlan, SweepPlan } from '../../../../core/sweep/SweepPlan.ts';
import { type ChainClient, createChainClient } from '../createChainClient.ts';
import { deriveDepositAddress } from '../deriveDepositAddress.ts';
import { mintTestToken } from '../mintTestToken.ts';
import { DEV_XPUB } from '../prepareDevChain.ts';
import { ANVIL_DEFAULT_ACCOUNT, ANVIL_DEFAULT_MNEMONIC } from '../startAnvil.ts';
import { type BuildSweepPlanParameters, buildSweepPlan } from './buildSweepPlan.ts';
import { deploySweeper } from './deploySweeper.ts';
import { estimateSweepBatchGas } from './estimateSweepBatchGas.ts';
import { predictSweeperAddress } from './predictSweeperAddress.ts';

// Anvil's accounts 1 and 2: the sweeper is deployed for the first only.
const DESTINATION: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const OTHER_DESTINATION: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const GAS_WALLET = ANVIL_DEFAULT_ACCOUNT.address;
const DEAD: Address = '0x000000000000000000000000000000000000dEaD';
const ETH = 10n ** 18n;
const ONE_GWEI = 10n ** 9n;
const NATIVE_THRESHOLD = 10n ** 12n;
const USDC_THRESHOLD = 1_000n;
const CANDIDATE_INDEXES = [0, 1, 2, 3, 4, 5, 6, 10, 11];
const NOW = new Date('2026-03-04T05:06:07.000Z');

const chain = {} as {
  stop: () => Promise<void>;
  network: Network;
  client: ChainClient;
  usdt: Address;
  usdc: Address;
  /** 2 × base fee + tip of the latest block, read independently of the plan. */
  gasPrice: bigint;
  tip: bigint;
  /** Native balances set at each index. */
  native: Map<number, bigint>;
};
const at = (index: number): Address => deriveDepositAddress(DEV_XPUB, index);
const candidate = (index: number): DepositAddress => ({
  address: at(index).toLowerCase(),
  index,
  xpubId: getXpubId(DEV_XPUB),
});
const parameters = (fields: Partial<BuildSweepPlanParameters>): BuildSweepPlanParameters => ({
  publicClient: chain.client,
  network: chain.network,
  addresses: CANDIDATE_INDEXES.map(candidate),
  destination: DESTINATION,
  strategy: 'auto',
  gasWallet: GAS_WALLET,
  dust: new Map([
    ['native', NATIVE_THRESHOLD],
    [chain.usdc.toLowerCase(), USDC_THRESHOLD],
  ]),
  planId: 'plan-test',
  now: NOW,
  ...fields,
});
const planned = (plan: SweepPlan, index: number): SweepAddressPlan | undefined =>
  plan.addresses.find((a) => a.index === index);
const transferGas = (from: Address, token: Address, amount: bigint, to = DESTINATION) =>
  chain.client.estimateGas({
    account: from,
    to: token,
    data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] }),
  });

beforeAll(async () => {
  const dev = await startDevChain();
  Object.assign(chain, { stop: dev.stop, usdt: dev.tokens.USDT, usdc: dev.tokens.USDC, native: new Map() });
  chain.network = { ...dev.network, xpub: DEV_XPUB };
  chain.client = createChainClient(chain.network);
  const mint = (index: number, token: Address, amount: bigint) =>
    mintTestToken({ rpcUrl: dev.rpcUrl, privateKey: dev.testAccount.privateKey, token, to: at(index), amount });
  await mint(0, chain.usdt, 5_000_000n);
  await mint(1, chain.usdt, 2_000_000n);
  await mint(1, chain.usdc, 3_000_000n);
  await mint(3, chain.usdc, 10n);
  await mint(6, chain.usdt, 1_000_000n);
  await mint(10, chain.usdt, 4_000_000n);
  await mint(11, chain.usdt, 3_000_000n);
  const gasWallet = createWalletClient({
    account: privateKeyToAccount(ANVIL_DEFAULT_ACCOUNT.privateKey),
    transport: http(dev.rpcUrl),
  });
  await deploySweeper({ publicClient: chain.client, walletClient: gasWallet, destination: DESTINATION });
  // Index 10 delegates to the destination's sweeper, 11 elsewhere (to a token contract).
  await delegate(dev.rpcUrl, 10, predictSweeperAddress(DESTINATION));
  await delegate(dev.rpcUrl, 11, chain.usdt);
  await setUpNatives(dev.rpcUrl);
}, 60_000);
afterAll(async () => chain.stop?.());

async function delegate(rpcUrl: string, index: number, contractAddress: Address): Promise<void> {
  const signer = createWalletClient({
    account: mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: `m/44'/60'/2'/0/${index}` }),
    transport: http(rpcUrl),
  });
  const authorization = await signer.signAuthorization({ contractAddress, chainId: chain.network.chainId });
  const payer = createWalletClient({
    account: privateKeyToAccount(ANVIL_DEFAULT_ACCOUNT.privateKey),
    transport: http(rpcUrl),
  });
  // Sent elsewhere: the authorization applies whatever the call, and a token's code rejects plain calls.
  const hash = await payer.sendTransaction({ to: DEAD, authorizationList: [authorization], chain: null });
  await chain.client.waitForTransactionReceipt({ hash, pollingInterval: 20 });
}

/** Native balances and a nonce set without mining, so the fees read here are the plan's. */
async function setUpNatives(rpcUrl: string): Promise<void> {
  const test = createTestClient({ mode: 'anvil', transport: http(rpcUrl) });
  const block = await chain.client.getBlock({ blockTag: 'latest' });
  chain.tip = BigInt(await chain.client.request({ method: 'eth_maxPriorityFeePerGas' }));
  chain.gasPrice = 2n * (block.baseFeePerGas ?? 0n) + chain.tip;
  // Index 6 holds its token fee plus half a native transfer's: it pays its gas, cannot send the rest.
  const tokenFee6 = (await transferGas(at(6), chain.usdt, 1_000_000n)) * chain.gasPrice;
  const natives: [number, bigint][] = [
    [1, ETH],
    [2, ETH / 2n],
    [3, 1_000n],
    [5, 2n * NATIVE_THRESHOLD],
    [6, tokenFee6 + 10_500n * chain.gasPrice],
  ];
  for (const [index, value] of natives) {
    await test.setBalance({ address: at(index), value });
    chain.native.set(index, value);
  }
  await test.setNonce({ address: at(1), nonce: 5 });
}

describe('buildSweepPlan', () => {
  it('topup: token transfers with estimated gas, exact top-ups, native value minus fees, dust', async () => {
    const { plan, gasWalletBalance } = await buildSweepPlan(parameters({ strategy: 'topup' }));
    const gp = chain.gasPrice;
    expect(plan).toMatchObject({
      format: 'kassa-sweep-plan',
      planId: 'plan-test',
      createdAt: NOW.toISOString(),
      network: { key: chain.network.key, chainId: chain.network.chainId },
      xpub: DEV_XPUB,
      destination: DESTINATION,
      strategy: 'topup',
      sweeper: null,
      gasWallet: GAS_WALLET,
      gasPrice: String(gp),
      batches: [],
    });
    expect(gasWalletBalance).toBe(await chain.client.getBalance({ address: GAS_WALLET }));
    expect(plan.addresses.map((a) => a.index)).toEqual([0, 1, 2, 6, 10]);

    const g0 = await transferGas(at(0), chain.usdt, 5_000_000n);
    expect(g0).toBeGreaterThan(21_000n);
    expect(planned(plan, 0)).toEqual({
      index: 0,
      address: at(0),
      nonce: 0,
      native: '0',
      tokens: [{ contract: chain.usdt, symbol: 'USDT', decimals: 6, amount: '5000000' }],
      topUp: String(g0 * gp),
      transactions: [
        { kind: 'token', nonce: 0, to: chain.usdt, contract: chain.usdt, amount: '5000000', gasLimit: String(g0) },
      ],
      needsAuthorization: false,
    });

    const [g1a, g1b] = [
      await transferGas(at(1), chain.usdt, 2_000_000n),
      await transferGas(at(1), chain.usdc, 3_000_000n),
    ];
    const a1 = planned(plan, 1);
    expect(a1?.nonce).toBe(5);
    expect(a1?.topUp).toBe('0');
    expect(a1?.transactions.map((t) => [t.kind, t.nonce, t.amount, t.gasLimit])).toEqual([
      ['token', 5, '2000000', String(g1a)],
      ['token', 6, '3000000', String(g1b)],
      ['native', 7, String(ETH - (g1a + g1b + 21_000n) * gp), '21000'],
    ]);
    expect(planned(plan, 2)?.transactions).toEqual([
      {
        kind: 'native',
        nonce: 0,
        to: DESTINATION,
        contract: null,
        amount: String(ETH / 2n - 21_000n * gp),
        gasLimit: '21000',
      },
    ]);
    expect(planned(plan, 6)?.topUp).toBe('0');
    expect(planned(plan, 6)?.transactions.map((t) => t.kind)).toEqual(['token']);
    // Delegated to the sweeper: nonce 1 after its authorization, and a top-up into it costs more than 21000.
    const a10 = planned(plan, 10);
    const g10 = await transferGas(at(10), chain.usdt, 4_000_000n);
    expect(a10).toMatchObject({ nonce: 1, topUp: String(g10 * gp) });
    const topUpGas10 = await chain.client.estimateGas({ account: GAS_WALLET, to: at(10), value: 0n });
    expect(topUpGas10).toBeGreaterThan(21_000n);

    expect(plan.dust).toEqual([
      { address: at(3), index: 3, contract: chain.usdc, symbol: 'USDC', amount: '10', reason: 'below-threshold' },
      { address: at(3), index: 3, contract: null, symbol: 'ETH', amount: '1000', reason: 'below-threshold' },
      {
        address: at(5),
        index: 5,
        contract: null,
        symbol: 'ETH',
        amount: String(2n * NATIVE_THRESHOLD),
        reason: 'below-fee',
      },
      { address: at(6), index: 6, contract: null, symbol: 'ETH', amount: String(10_500n * gp), reason: 'below-fee' },
      { address: at(11), index: 11, contract: chain.usdt, symbol: 'USDT', amount: '3000000', reason: 'foreign-code' },
    ]);
    const nativeSent = ETH - (g1a + g1b + 21_000n) * gp + ETH / 2n - 21_000n * gp;
    expect(plan.totals).toEqual([
      { contract: null, symbol: 'ETH', decimals: 18, amount: String(nativeSent) },
      { contract: chain.usdt, symbol: 'USDT', decimals: 6, amount: '12000000' },
      { contract: chain.usdc, symbol: 'USDC', decimals: 6, amount: '3000000' },
    ]);
    const depositGas = plan.addresses.flatMap((a) => a.transactions).reduce((sum, t) => sum + BigInt(t.gasLimit), 0n);
    const topUps = (g0 + g10) * gp;
    const gasWalletFees = (21_000n + topUpGas10) * gp;
    expect(plan.cost).toEqual({
      gasWalletFeesWei: String(gasWalletFees),
      topUpsWei: String(topUps),
      depositFeesWei: String(depositGas * gp),
      gasWalletNeedsWei: String(gasWalletFees + topUps),
    });
  });

  it('eip7702 (auto, sweeper deployed): batches every address with balances, native at no fee', async () => {
    const { plan, isSweeperDeployed } = await buildSweepPlan(parameters({}));
    expect(isSweeperDeployed).toBe(true);
    expect(plan).toMatchObject({
      strategy: 'eip7702',
      sweeper: predictSweeperAddress(DESTINATION),
      gasPrice: String(chain.gasPrice),
      maxFeePerGas: String(chain.gasPrice),
      maxPriorityFeePerGas: String(chain.tip),
    });
    expect(plan.addresses.map((a) => [a.index, a.nonce, a.native, a.needsAuthorization])).toEqual([
      [0, 0, '0', true],
      [1, 5, String(ETH), true],
      [2, 0, String(ETH / 2n), true],
      [5, 0, String(2n * NATIVE_THRESHOLD), true],
      [6, 0, String(chain.native.get(6)), true],
      [10, 1, '0', false],
    ]);
    for (const address of plan.addresses) expect([address.topUp, address.transactions]).toEqual(['0', []]);
    const [batch, ...more] = plan.batches;
    expect(more).toEqual([]);
    expect(batch?.addresses).toEqual([0, 1, 2, 5, 6, 10].map(at));
    expect(batch?.tokens).toEqual([[chain.usdt], [chain.usdt, chain.usdc], [], [], [chain.usdt], [chain.usdt]]);
    const gasLimit = estimateSweepBatchGas({
      authorizations: 5,
      addresses: 6,
      tokenTransfers: 5,
      nativeTransfers: 4,
      distinctTokens: 2,
    });
    expect(batch?.gasLimit).toBe(String(gasLimit));
    expect(plan.dust.map((d) => [d.index, d.symbol, d.amount, d.reason])).toEqual([
      [3, 'USDC', '10', 'below-threshold'],
      [3, 'ETH', '1000', 'below-threshold'],
      [11, 'USDT', '3000000', 'foreign-code'],
    ]);
    const native = ETH + ETH / 2n + 2n * NATIVE_THRESHOLD + (chain.native.get(6) ?? 0n);
    expect(plan.totals.map((t) => [t.symbol, t.amount])).toEqual([
      ['ETH', String(native)],
      ['USDT', '12000000'],
      ['USDC', '3000000'],
    ]);
    const fees = String(gasLimit * chain.gasPrice);
    expect(plan.cost).toEqual({ gasWalletFeesWei: fees, topUpsWei: '0', depositFeesWei: '0', gasWalletNeedsWei: fees });
  });

  it('auto takes topup where the destination has no sweeper; eip7702 there is refused', async () => {
    const auto = await buildSweepPlan(parameters({ destination: OTHER_DESTINATION }));
    expect([auto.plan.strategy, auto.plan.sweeper, auto.isSweeperDeployed]).toEqual(['topup', null, false]);
    const refused = buildSweepPlan(parameters({ destination: OTHER_DESTINATION, strategy: 'eip7702' }));
    await expect(refused).rejects.toThrow(SweepError);
    await expect(refused).rejects.toThrow(`kassa sweep deploy --network ${chain.network.key}`);
  });

  it('falls back to a 1 gwei tip on a node without eth_maxPriorityFeePerGas', async () => {
    const refuser = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const { id } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: number };
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32601, message: 'method not found' } }));
      });
    });
    await new Promise<void>((resolve) => refuser.listen(0, '127.0.0.1', resolve));
    const refuserUrl = `http://127.0.0.1:${(refuser.address() as AddressInfo).port}`;
    const anvilUrl = chain.network.rpcUrls[0] ?? '';
    const proxy = await startRpcProxy(async ({ method }) =>
      method === 'eth_maxPriorityFeePerGas' ? refuserUrl : anvilUrl,
    );
    try {
      const network = { ...chain.network, rpcUrls: [proxy.url] };
      const { plan } = await buildSweepPlan(parameters({ publicClient: createChainClient(network), network }));
      const block = await chain.client.getBlock({ blockTag: 'latest' });
      const gasPrice = 2n * (block.baseFeePerGas ?? 0n) + ONE_GWEI;
      expect([plan.maxPriorityFeePerGas, plan.gasPrice]).toEqual([String(ONE_GWEI), String(gasPrice)]);
    } finally {
      await proxy.stop();
      refuser.close();
    }
  });

  it('ignores candidates of another xpub, not derived at their index, or listed twice', async () => {
    const { plan, ignoredAddresses } = await buildSweepPlan(
      parameters({
        strategy: 'eip7702',
        addresses: [
          candidate(0),
          { ...candidate(1), xpubId: 'another-xpub' },
          { ...candidate(2), index: 3 },
          candidate(0),
        ],
      }),
    );
    expect(ignoredAddresses).toBe(3);
    expect(plan.addresses.map((a) => a.index)).toEqual([0]);
  });

  it('reads 1,000 candidates and splits 151 sweepable ones into batches of at most 150', async () => {
    const test = createTestClient({ mode: 'anvil', transport: http(chain.network.rpcUrls[0]) });
    const indexes = Array.from({ length: 1_000 }, (_, i) => 1_000 + i);
    for (const index of indexes.slice(0, 151)) await test.setBalance({ address: at(index), value: ETH });
    const startedMs = Date.now();
    const { plan } = await buildSweepPlan(parameters({ strategy: 'eip7702', addresses: indexes.map(candidate) }));
    expect(Date.now() - startedMs).toBeLessThan(30_000);
    expect(plan.batches.map((b) => b.addresses.length)).toEqual([150, 1]);
    expect(plan.batches[1]?.addresses).toEqual([at(1_150)]);
    expect(plan.totals).toEqual([{ contract: null, symbol: 'ETH', decimals: 18, amount: String(151n * ETH) }]);
  }, 60_000);
});
