// Guards against missed or phantom payments: transfers to watched addresses lost, or others reported, across a range.
import { type Address, type Hash, parseEther } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import { useScanChain } from '../../../../test/support/useScanChain.ts';
import type { Network, Transfer } from '../../../core/network.ts';
import { deployTestToken } from './deployTestToken.ts';
import { kassaTestTokenAbi } from './kassaTestTokenArtifact.ts';

const UNWATCHED = '0x00000000000000000000000000000000DeaDBeef' as const;

type ScenarioPayment = { hash: Hash; expect?: { to: Address; contract: Address | null; amount: bigint } };

const s = useScanChain();

/** What the scan of the main range must find, filled in beforeAll. */
const scenario = {
  fromBlock: 0n,
  toBlock: 0n,
  pairBlock: 0n,
  expected: [] as Omit<Transfer, 'blockHash'>[],
};

/** A token Kassa does not list, held by the payer. */
async function deployUnlistedToken(): Promise<Address> {
  const { rpcUrl, testAccount } = s.chain;
  const token = await deployTestToken({
    rpcUrl,
    privateKey: testAccount.privateKey,
    name: 'Unlisted',
    symbol: 'UNL',
    decimals: 18,
  });
  const mint = await s.wallet.writeContract({
    address: token,
    abi: kassaTestTokenAbi,
    functionName: 'mint',
    args: [testAccount.address, 10n ** 24n],
    chain: null,
  });
  await s.wallet.receiptOf(mint);
  return token;
}

/** Sends the scenario's transactions, watched and not; `pair` are two payments mined in one block. */
async function sendScenario(): Promise<{ payments: ScenarioPayment[]; pair: Hash }> {
  const { wallet } = s;
  const [w0, w1, w2] = s.watched as [Address, Address, Address];
  const { USDT, USDC } = s.chain.tokens;
  const otherToken = await deployUnlistedToken();
  const payments: ScenarioPayment[] = [];
  scenario.fromBlock = (await wallet.getBlockNumber({ cacheTime: 0 })) + 1n;
  payments.push({
    hash: await wallet.sendToken(USDT, w0, 5_000_000n),
    expect: { to: w0, contract: USDT, amount: 5_000_000n },
  });
  payments.push({ hash: await wallet.sendToken(USDC, UNWATCHED, 7_000_000n) });
  // A watched recipient of a token Kassa does not list is not a payment.
  payments.push({ hash: await wallet.sendToken(otherToken, w1, 10n ** 18n) });
  payments.push({
    hash: await wallet.sendTransaction({ to: w1, value: parseEther('1.5'), chain: null }),
    expect: { to: w1, contract: null, amount: parseEther('1.5') },
  });
  payments.push({ hash: await wallet.sendTransaction({ to: UNWATCHED, value: parseEther('2'), chain: null }) });
  payments.push({ hash: await wallet.sendTransaction({ to: w2, value: 0n, chain: null }) });
  // Thousands of unwatched transfers of a listed token in the same range.
  payments.push({
    hash: await wallet.writeContract({
      address: USDT,
      abi: kassaTestTokenAbi,
      functionName: 'emitNoise',
      args: [2_000n],
      chain: null,
    }),
  });
  // Two payments in one block: distinct log indexes.
  await wallet.test.setAutomine(false);
  const pair = await wallet.sendToken(USDT, w2, 1n);
  const pairUsdc = await wallet.sendToken(USDC, w2, 2n);
  await wallet.test.mine({ blocks: 1 });
  await wallet.test.setAutomine(true);
  payments.push({ hash: pair, expect: { to: w2, contract: USDT, amount: 1n } });
  payments.push({ hash: pairUsdc, expect: { to: w2, contract: USDC, amount: 2n } });
  payments.push({ hash: await wallet.sendToken(USDC, UNWATCHED, 3n) });
  return { payments, pair };
}

beforeAll(async () => {
  const { payments, pair } = await sendScenario();
  const from = s.chain.testAccount.address.toLowerCase() as `0x${string}`;
  for (const payment of payments) {
    const receipt = await s.wallet.receiptOf(payment.hash);
    expect(receipt.status).toBe('success');
    if (payment.hash === pair) scenario.pairBlock = receipt.blockNumber;
    if (payment.expect === undefined) continue;
    const { to, contract, amount } = payment.expect;
    const log = receipt.logs[0];
    scenario.expected.push({
      networkKey: 'DEV',
      txid: payment.hash,
      logIndex: contract === null ? -1 : (log?.logIndex ?? Number.NaN),
      blockNumber: receipt.blockNumber,
      from,
      to: to.toLowerCase() as `0x${string}`,
      contract: contract === null ? null : (contract.toLowerCase() as `0x${string}`),
      amount,
    });
  }
  scenario.toBlock = await s.wallet.getBlockNumber({ cacheTime: 0 });
});

describe('scanBlockRange', () => {
  it('finds ERC-20 and native payments to watched addresses across a multi-block range, and nothing else', async () => {
    const result = await s.scan(scenario.fromBlock, scenario.toBlock);
    expect(result.transfers.map(({ blockHash: _, ...rest }) => rest)).toEqual(scenario.expected);
    const pair = result.transfers.filter((t) => t.blockNumber === scenario.pairBlock);
    expect(pair.map((t) => t.logIndex)).toEqual([0, 1]);

    expect(result.blocks.map((b) => b.number)).toEqual(
      Array.from(
        { length: Number(scenario.toBlock - scenario.fromBlock) + 1 },
        (_, i) => scenario.fromBlock + BigInt(i),
      ),
    );
    for (const block of result.blocks) {
      const onChain = await s.wallet.getBlock({ blockNumber: block.number });
      expect(block).toEqual({ number: onChain.number, hash: onChain.hash, parentHash: onChain.parentHash });
    }
    for (const transfer of result.transfers) {
      const block = result.blocks.find((b) => b.number === transfer.blockNumber);
      expect(transfer.blockHash).toBe(block?.hash);
    }
  });

  it('reads a single block by hash and returns both payments in it', async () => {
    const result = await s.scan(scenario.pairBlock, scenario.pairBlock);
    expect(result.blocks).toHaveLength(1);
    expect(result.transfers.map((t) => [t.contract, t.amount])).toEqual([
      [s.chain.tokens.USDT.toLowerCase(), 1n],
      [s.chain.tokens.USDC.toLowerCase(), 2n],
    ]);
  });

  it('ignores native transfers when the network does not list its native coin', async () => {
    const { network } = s.chain;
    const tokensOnly: Network = { ...network, tokens: network.tokens.filter((t) => t.contract !== null) };
    const result = await s.scan(scenario.fromBlock, scenario.toBlock, { network: tokensOnly });
    expect(result.transfers.map((t) => t.txid)).toEqual(
      scenario.expected.filter((t) => t.contract !== null).map((t) => t.txid),
    );
  });

  it('rejects an inverted range', async () => {
    await expect(s.scan(5n, 4n)).rejects.toThrow(RangeError);
  });
});
