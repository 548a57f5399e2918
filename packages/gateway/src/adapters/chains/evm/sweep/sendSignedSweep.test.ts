// Risk: send dies between two transactions (crash, lost connection, slow chain) and the rerun pays
// a top-up or a batch twice, or strands what the first run started (issue 13).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Address, createPublicClient, createTestClient, createWalletClient, http } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRpcProxy } from '../../../../../test/support/startRpcProxy.ts';
import { type SweepSendFixture, startSweepSendFixture } from '../../../../../test/support/startSweepSendFixture.ts';
import type { SignedSweep } from '../../../../core/sweep/SignedSweep.ts';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import { deploySweeper } from './deploySweeper.ts';
import type { SweepSendReport } from './SweepSendReport.ts';

let f: SweepSendFixture;
beforeAll(async () => {
  f = await startSweepSendFixture();
}, 60_000);
afterAll(async () => {
  await f?.stop();
});

// 'pending': a transaction the node accepted counts at once, even while anvil has yet to mine it
// (on a loaded machine its automine lags the answer to eth_sendRawTransaction).
const gasWalletNonce = () => f.publicClient.getTransactionCount({ address: f.gasAccount.address, blockTag: 'pending' });

/** Three token-only addresses: each needs exactly one top-up. */
async function fundTopUpSweep(first: number, planId: string): Promise<{ signed: SignedSweep; addresses: Address[] }> {
  const addresses: Address[] = [];
  for (let index = first; index < first + 3; index++) addresses.push(await f.fund(index, { USDT: 1_000_000n }));
  const signed = await f.planAndSign({ indexes: [first, first + 1, first + 2], strategy: 'topup', planId });
  expect(signed.plan.addresses.every((a) => a.topUp !== '0')).toBe(true);
  return { signed, addresses };
}

async function expectSweptOnce(report: SweepSendReport, addresses: readonly Address[], nonceBefore: number) {
  expect(report.failed).toEqual([]);
  const topUps = report.transactions.filter((t) => t.kind === 'topup');
  expect(topUps.map((t) => t.address).sort()).toEqual(addresses.map((a) => a.toLowerCase()).sort());
  // Each top-up sent once: the gas wallet signed nothing else.
  expect((await gasWalletNonce()) - nonceBefore).toBe(addresses.length);
  for (const address of addresses) expect(await f.tokenBalance(f.chain.tokens.USDT, address)).toBe(0n);
  for (const t of report.transactions) expect(await f.funds.hasSweepTransaction('DEV', t.hash)).toBe(true);
}

describe('sendSignedSweep crash safety', () => {
  it('finishes a top-up sweep that died right after its first broadcast, paying nothing twice', async () => {
    const { signed, addresses } = await fundTopUpSweep(10, 'crash-after-broadcast');
    const nonceBefore = await gasWalletNonce();
    const crash = (line: string) => {
      throw new Error(`crashed after: ${line}`);
    };
    await expect(f.send(signed, { log: crash })).rejects.toThrow(/^crashed after: sent topup:/);
    expect((await gasWalletNonce()) - nonceBefore).toBe(1);

    const report = await f.send(signed);
    await expectSweptOnce(report, addresses, nonceBefore);
    expect(await f.tokenBalance(f.chain.tokens.USDT, f.destination)).toBe(3_000_000n);
    expect(report.transactions.filter((t) => t.isNewlyRecorded)).toHaveLength(6);
  }, 60_000);

  it('sends the journaled bytes of a top-up that was signed but never reached the node', async () => {
    const { signed, addresses } = await fundTopUpSweep(20, 'crash-before-broadcast');
    const proxy = await startRpcProxy(async (request) => {
      if (request.method === 'eth_sendRawTransaction') throw new Error('connection lost');
      return f.chain.rpcUrl;
    });
    try {
      const cut = createPublicClient({ transport: http(proxy.url, { retryCount: 0 }) });
      const nonceBefore = await gasWalletNonce();
      await expect(f.send(signed, { publicClient: cut })).rejects.toThrow();
      expect(await gasWalletNonce()).toBe(nonceBefore);
      const journal = readFileSync(path.join(f.dir, 'crash-before-broadcast.journal'), 'utf8').trim().split('\n');
      expect(journal).toHaveLength(1);
      const entry = JSON.parse(journal[0] ?? '') as { key: string; hash: string; raw: string };
      expect(entry.key).toBe(`topup:${addresses[0]?.toLowerCase()}`);

      const report = await f.send(signed);
      await expectSweptOnce(report, addresses, nonceBefore);
      expect(report.transactions.find((t) => t.kind === 'topup')?.hash).toBe(entry.hash);
    } finally {
      await proxy.stop();
    }
  }, 60_000);

  it('times out on a top-up the chain does not mine, then resumes it from the journal', async () => {
    const { signed, addresses } = await fundTopUpSweep(30, 'slow-chain');
    const testClient = createTestClient({ mode: 'anvil', transport: http(f.chain.rpcUrl) });
    const nonceBefore = await gasWalletNonce();
    await testClient.setAutomine(false);
    try {
      const error = await f.send(signed, { receiptTimeoutMs: 500 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SweepError);
      expect((error as Error).message).toMatch(
        /^topup:0x[0-9a-f]{40} \(0x[0-9a-f]{64}\) not mined within 1 s; run send again/,
      );
      // The rerun broadcasts the same bytes (the node answers "already known") and waits for blocks.
      await testClient.setIntervalMining({ interval: 1 });
      const lines: string[] = [];
      const report = await f.send(signed, { log: (line) => lines.push(line) });
      await expectSweptOnce(report, addresses, nonceBefore);
      const topUp = report.transactions.find((t) => t.address === addresses[0]?.toLowerCase() && t.kind === 'topup');
      expect(lines[0]).toBe(`sent again topup:${addresses[0]?.toLowerCase()} ${topUp?.hash}`);
    } finally {
      await testClient.setIntervalMining({ interval: 0 });
      await testClient.setAutomine(true);
    }
  }, 60_000);

  it('finishes an eip7702 sweep that died after its batch was broadcast, without a second batch', async () => {
    const walletClient = createWalletClient({ account: f.gasAccount, transport: http(f.chain.rpcUrl) });
    await deploySweeper({ publicClient: f.publicClient, walletClient, destination: f.destination });
    const addresses = [await f.fund(40, { USDC: 2_000_000n }), await f.fund(41, { USDC: 3_000_000n })];
    const signed = await f.planAndSign({ indexes: [40, 41], strategy: 'eip7702', planId: 'crash-7702' });
    const nonceBefore = await gasWalletNonce();
    const crash = () => {
      throw new Error('crashed');
    };
    await expect(f.send(signed, { log: crash })).rejects.toThrow('crashed');
    const report = await f.send(signed);
    expect((await gasWalletNonce()) - nonceBefore).toBe(1);
    expect(report.transactions).toHaveLength(1);
    expect(report.transactions[0]).toMatchObject({ kind: 'batch', status: 'success', isNewlyRecorded: true });
    expect(await f.tokenBalance(f.chain.tokens.USDC, f.destination)).toBe(5_000_000n);
    for (const address of addresses) expect(await f.tokenBalance(f.chain.tokens.USDC, address)).toBe(0n);
  }, 60_000);
});
