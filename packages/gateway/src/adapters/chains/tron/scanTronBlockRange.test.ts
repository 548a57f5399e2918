// Guards against missed or phantom TRON payments: USDT and TRX to deposit addresses lost, or TRC-10
// transfers, reverted calls, unlisted tokens or other recipients reported as payments.
import { type Address, encodeFunctionData, type Hash } from 'viem';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { readTronFixture } from '../../../../test/fixtures/tron/readTronFixture.ts';
import { type ChainWallet, createChainWallet } from '../../../../test/support/createChainWallet.ts';
import { startTronHttpStub } from '../../../../test/support/startTronHttpStub.ts';
import { startTronTestChain, TRON_TEST_XPUB, type TronTestChain } from '../../../../test/support/startTronTestChain.ts';
import type { Network, Transfer } from '../../../core/network.ts';
import { deriveDepositAddress } from '../evm/deriveDepositAddress.ts';
import { kassaTestTokenAbi } from '../evm/kassaTestTokenArtifact.ts';
import { createTronChainReader } from './createTronChainReader.ts';

const UNWATCHED = '0x00000000000000000000000000000000deadbeef' as const;

let tron: TronTestChain;
let wallet: ChainWallet;
let watched: `0x${string}`[];
/** The main range and what its scan must find, filled in beforeAll. */
const scenario = { fromBlock: 0n, toBlock: 0n, expected: [] as Transfer[] };

const lower = (address: string) => address.toLowerCase() as `0x${string}`;
const usdt = () => tron.chain.tokens.USDT;

/** Scans `fromBlock..toBlock` of `network` (default the TRON test network) for payments to `to` (default `watched`). */
function scan(fromBlock: bigint, toBlock: bigint, options: { network?: Network; to?: readonly string[] } = {}) {
  const reader = createTronChainReader(options.network ?? tron.network, { timeoutMs: 5_000 });
  const set = new Set((options.to ?? watched).map(lower));
  return reader.scanBlockRange({ fromBlock, toBlock, isWatched: (address) => set.has(address) });
}

/** The transfer a mined payment must be reported as. */
async function expectedTransfer(hash: Hash, to: string, contract: Address | null, amount: bigint): Promise<Transfer> {
  const receipt = await wallet.receiptOf(hash);
  return {
    networkKey: tron.network.key,
    txid: hash,
    logIndex: contract === null ? -1 : (receipt.logs[0]?.logIndex ?? Number.NaN),
    blockNumber: receipt.blockNumber,
    blockHash: receipt.blockHash,
    from: lower(tron.chain.testAccount.address),
    to: lower(to),
    contract: contract === null ? null : lower(contract),
    amount,
  };
}

const payTrx = (to: string, value: bigint) => wallet.sendTransaction({ to: to as Address, value, chain: null });

/** A TRON HTTP API on loopback that answers `answer(txid)` where it gives one, else what the simulator answers. */
async function startHttpApi(answer: (txid: string) => unknown) {
  const simulator = tron.network.httpApiUrls?.[0] ?? '';
  const api = await startTronHttpStub(async ({ body }) => {
    const txid = (body as { value: string }).value;
    const own = answer(txid);
    if (own !== undefined) return { body: own };
    const forwarded = await fetch(`${simulator}/wallet/gettransactionbyid`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    return { body: await forwarded.json() };
  });
  onTestFinished(api.stop);
  return { api, network: { ...tron.network, httpApiUrls: [api.url] } };
}

beforeAll(async () => {
  tron = await startTronTestChain();
  wallet = createChainWallet(tron.chain.rpcUrl, tron.chain.testAccount.privateKey);
  watched = [0, 1, 2].map((i) => lower(deriveDepositAddress(TRON_TEST_XPUB, i)));
  const [w0, w1, w2] = watched as [Address, Address, Address];
  const { USDT, USDC } = tron.chain.tokens;
  scenario.fromBlock = (await wallet.getBlockNumber({ cacheTime: 0 })) + 1n;
  const expect = async (hash: Hash, to: string, contract: Address | null, amount: bigint) =>
    scenario.expected.push(await expectedTransfer(hash, to, contract, amount));
  await expect(await wallet.sendToken(USDT, w0, 5_000_000n), w0, USDT, 5_000_000n);
  // USDC is not listed on the TRON network: a watched recipient of it is not paid.
  await wallet.receiptOf(await wallet.sendToken(USDC, w1, 7_000_000n));
  await expect(await payTrx(w1, 1_500_000n), w1, null, 1_500_000n);
  await wallet.receiptOf(await payTrx(UNWATCHED, 2_000_000n));
  await wallet.receiptOf(await wallet.sendToken(USDT, UNWATCHED, 3n));
  await wallet.receiptOf(await payTrx(w2, 0n));
  // Three payments in one block: TRX first, then the USDT ones by log index.
  await wallet.test.setAutomine(false);
  const trx = await payTrx(w2, 4n);
  const first = await wallet.sendToken(USDT, w2, 6n);
  const second = await wallet.sendToken(USDT, w2, 7n);
  await wallet.test.mine({ blocks: 1 });
  await wallet.test.setAutomine(true);
  await expect(trx, w2, null, 4n);
  await expect(first, w2, USDT, 6n);
  await expect(second, w2, USDT, 7n);
  scenario.toBlock = await wallet.getBlockNumber({ cacheTime: 0 });
});
afterAll(async () => tron?.stop());

describe('scanTronBlockRange on anvil behind the TRON API simulator', () => {
  it('finds USDT and TRX payments to watched addresses with exact fields, and nothing else', async () => {
    const result = await scan(scenario.fromBlock, scenario.toBlock);
    expect(result.transfers).toEqual(scenario.expected);
    expect(result.transfers.slice(-2).map((t) => t.logIndex)).toEqual([0, 1]);
    const count = Number(scenario.toBlock - scenario.fromBlock) + 1;
    expect(result.blocks.map((b) => b.blockNumber)).toEqual(
      Array.from({ length: count }, (_, i) => scenario.fromBlock + BigInt(i)),
    );
    for (const block of result.blocks) {
      const onChain = await wallet.getBlock({ blockNumber: block.blockNumber });
      expect(block).toEqual({ blockNumber: onChain.number, blockHash: onChain.hash, parentHash: onChain.parentHash });
    }
  });

  it('ignores TRX, and never asks the HTTP API, when the network does not list TRX', async () => {
    const { api, network } = await startHttpApi(() => undefined);
    const tokensOnly: Network = { ...network, tokens: network.tokens.filter((t) => t.contract !== null) };
    const result = await scan(scenario.fromBlock, scenario.toBlock, { network: tokensOnly });
    expect(result.transfers).toEqual(scenario.expected.filter((t) => t.contract !== null));
    expect(api.requests).toEqual([]);
  });

  it('does not report a TRX candidate that the HTTP API says is a TRC-10 transfer', async () => {
    const [w0] = watched as [Address];
    const trc10 = await payTrx(w0, 1_000n);
    const paid = await expectedTransfer(await wallet.sendToken(usdt(), w0, 8n), w0, usdt(), 8n);
    const { api, network } = await startHttpApi((txid) => {
      if (txid !== trc10.slice(2)) return undefined;
      const stored = readTronFixture('gettransactionbyid-transfer-asset').response as {
        raw_data: { contract: [{ parameter: { value: Record<string, unknown> } }] };
      };
      Object.assign(stored.raw_data.contract[0].parameter.value, { to_address: `41${w0.slice(2)}` });
      return { ...stored, txID: txid };
    });
    const from = (await wallet.receiptOf(trc10)).blockNumber;
    const result = await scan(from, paid.blockNumber, { network });
    expect(result.transfers).toEqual([paid]);
    expect(api.requests.map((r) => r.body)).toEqual([{ value: trc10.slice(2) }]);
  });

  it('throws when the HTTP API does not know a TRX candidate ({}), and finds it when retried', async () => {
    const [, w1] = watched as [Address, Address];
    const paid = await expectedTransfer(await payTrx(w1, 9n), w1, null, 9n);
    const { network } = await startHttpApi(() => readTronFixture('gettransactionbyid-unknown').response);
    await expect(scan(paid.blockNumber, paid.blockNumber, { network })).rejects.toThrow(
      /TRON HTTP API does not know the transaction \(answered \{\}\)/,
    );
    expect((await scan(paid.blockNumber, paid.blockNumber)).transfers).toEqual([paid]);
  });

  it('throws when the HTTP API and JSON-RPC disagree on a TRX recipient', async () => {
    const [, w1, w2] = watched as [Address, Address, Address];
    const hash = await payTrx(w1, 10n);
    const { blockNumber } = await wallet.receiptOf(hash);
    // A TransferContract to another address: the node behind the HTTP API is not the JSON-RPC one.
    const { network } = await startHttpApi((txid) => {
      const stored = readTronFixture('gettransactionbyid-transfer').response as {
        raw_data: { contract: [{ parameter: { value: Record<string, unknown> } }] };
      };
      Object.assign(stored.raw_data.contract[0].parameter.value, { to_address: `41${w2.slice(2)}` });
      return { ...stored, txID: txid };
    });
    await expect(scan(blockNumber, blockNumber, { network })).rejects.toThrow(
      `TRON HTTP API and JSON-RPC disagree on the recipient of ${hash}`,
    );
  });

  it('does not report a reverted USDT transfer or a reverted TRX transfer', async () => {
    const [w0, , w2] = watched as [Address, Address, Address];
    const from = (await wallet.getBlockNumber({ cacheTime: 0 })) + 1n;
    // More USDT than the payer holds: the transfer is mined (gas given, no estimate) and reverts.
    const data = encodeFunctionData({ abi: kassaTestTokenAbi, functionName: 'transfer', args: [w0, 10n ** 30n] });
    const usdtRevert = await wallet.sendTransaction({ to: usdt(), data, gas: 100_000n, chain: null });
    // Only a contract can make a plain value transfer fail on anvil: the test token, watched here.
    const trxRevert = await wallet.sendTransaction({ to: usdt(), value: 11n, gas: 100_000n, chain: null });
    for (const hash of [usdtRevert, trxRevert]) expect((await wallet.receiptOf(hash)).status).toBe('reverted');
    const paid = await expectedTransfer(await payTrx(w2, 12n), w2, null, 12n);
    const result = await scan(from, paid.blockNumber, { to: [...watched, usdt()] });
    expect(result.transfers).toEqual([paid]);
  });
});
