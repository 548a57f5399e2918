// Risk: an EIP-7702 sweep leaves tokens or coin behind, pays its batch twice when send is run
// again, sends an authorization the chain will ignore, or pays fees above the plan's cap (issue 13).
import { type Address, createWalletClient, http, parseEther } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SweepSendFixture, startSweepSendFixture } from '../../../../../test/support/startSweepSendFixture.ts';
import type { SignedSweep } from '../../../../core/sweep/SignedSweep.ts';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import { ANVIL_DEFAULT_MNEMONIC } from '../startAnvil.ts';
import { deploySweeper } from './deploySweeper.ts';
import { isDelegatedTo } from './isDelegatedTo.ts';
import type { SweepSendReport } from './SweepSendReport.ts';

let f: SweepSendFixture;
let sweeper: Address;
beforeAll(async () => {
  f = await startSweepSendFixture();
  const walletClient = createWalletClient({ account: f.gasAccount, transport: http(f.chain.rpcUrl) });
  ({ address: sweeper } = await deploySweeper({
    publicClient: f.publicClient,
    walletClient,
    destination: f.destination,
  }));
}, 60_000);
afterAll(async () => {
  await f?.stop();
});

const depositAccount = (index: number) =>
  mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: `m/44'/60'/2'/0/${index}` });

describe('sendSignedSweep (eip7702)', () => {
  let signed: SignedSweep;
  let first: SweepSendReport;
  let addresses: Address[];
  let gasWalletNonce: number;

  it('sweeps every token and all native coin in one batch with the authorizations', async () => {
    addresses = [
      await f.fund(1, { USDT: 5_000_000n, USDC: 2_500_000n }),
      await f.fund(2, { USDT: 1_000_000n, native: parseEther('0.05') }),
      await f.fund(3, { native: parseEther('0.02') }),
    ];
    signed = await f.planAndSign({ indexes: [1, 2, 3], strategy: 'eip7702', planId: '7702-1' });
    expect(signed.plan.batches).toHaveLength(1);
    expect(signed.authorizations).toHaveLength(3);
    const nonceBefore = await f.publicClient.getTransactionCount({ address: f.gasAccount.address });
    first = await f.send(signed);
    gasWalletNonce = await f.publicClient.getTransactionCount({ address: f.gasAccount.address });
    expect(gasWalletNonce - nonceBefore).toBe(1);

    const { USDT, USDC } = f.chain.tokens;
    expect(await f.tokenBalance(USDT, f.destination)).toBe(6_000_000n);
    expect(await f.tokenBalance(USDC, f.destination)).toBe(2_500_000n);
    expect(await f.publicClient.getBalance({ address: f.destination })).toBe(parseEther('0.07'));
    for (const address of addresses) {
      expect(await f.tokenBalance(USDT, address)).toBe(0n);
      expect(await f.tokenBalance(USDC, address)).toBe(0n);
      expect(await f.publicClient.getBalance({ address })).toBe(0n);
      expect(isDelegatedTo(await f.publicClient.getCode({ address }), sweeper)).toBe(true);
    }
    expect(first.transactions).toHaveLength(1);
    expect(first.transactions[0]).toMatchObject({ kind: 'batch', batch: 0, status: 'success', isNewlyRecorded: true });
    expect(first.failed).toEqual([]);
    expect(first.leftover.map((l) => l.nativeWei)).toEqual([0n, 0n, 0n]);
    expect(first.moved).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ contract: null, amount: parseEther('0.07') }),
        expect.objectContaining({ contract: USDT.toLowerCase(), amount: 6_000_000n }),
        expect.objectContaining({ contract: USDC.toLowerCase(), amount: 2_500_000n }),
      ]),
    );
    expect(first.depositFeesWei).toBe(0n);
    expect(first.gasWalletFeesWei).toBe(first.transactions[0]?.feeWei);
    expect(await f.funds.hasSweepTransaction('DEV', first.transactions[0]?.hash ?? '0x')).toBe(true);
  }, 60_000);

  it('sends and records nothing new when run again', async () => {
    const block = await f.publicClient.getBlockNumber();
    const again = await f.send(signed);
    expect(await f.publicClient.getBlockNumber()).toBe(block);
    expect(await f.publicClient.getTransactionCount({ address: f.gasAccount.address })).toBe(gasWalletNonce);
    expect(again.transactions.map((t) => t.hash)).toEqual(first.transactions.map((t) => t.hash));
    expect(again.transactions[0]?.isNewlyRecorded).toBe(false);
    expect(again.moved).toEqual(first.moved);
  });

  it('sweeps a second payment into delegated addresses with a plain call, no authorization', async () => {
    await f.fund(1, { USDT: 700_000n });
    await f.fund(2, { native: parseEther('0.01') });
    const again = await f.planAndSign({ indexes: [1, 2], strategy: 'eip7702', planId: '7702-again' });
    expect(again.authorizations).toEqual([]);
    const report = await f.send(again);
    expect(report.transactions).toMatchObject([{ kind: 'batch', status: 'success' }]);
    const mined = await f.publicClient.getTransaction({ hash: report.transactions[0]?.hash ?? '0x' });
    expect(mined.type).toBe('eip1559');
    expect(await f.tokenBalance(f.chain.tokens.USDT, f.destination)).toBe(6_700_000n);
    expect(await f.publicClient.getBalance({ address: f.destination })).toBe(parseEther('0.08'));
  }, 60_000);

  it('drops an address whose authorization went stale and sweeps the others', async () => {
    const stale = await f.fund(5, { USDT: 4_000_000n, native: parseEther('0.01') });
    const fresh = await f.fund(6, { USDC: 7_000_000n });
    const staleSigned = await f.planAndSign({ indexes: [5, 6], strategy: 'eip7702', planId: '7702-stale' });
    // The address moves its own nonce after signing: its authorization can no longer apply.
    const wallet = createWalletClient({ account: depositAccount(5), transport: http(f.chain.rpcUrl) });
    const hash = await wallet.sendTransaction({ to: stale, value: 0n, chain: null });
    await f.publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 });

    const report = await f.send(staleSigned);
    expect(report.failed).toEqual([
      { address: stale.toLowerCase(), index: 5, reason: 'authorization stale: plan again' },
    ]);
    expect(await f.tokenBalance(f.chain.tokens.USDT, stale)).toBe(4_000_000n);
    expect(isDelegatedTo(await f.publicClient.getCode({ address: stale }), sweeper)).toBe(false);
    expect(await f.tokenBalance(f.chain.tokens.USDC, fresh)).toBe(0n);
    expect(report.leftover.map((l) => l.address)).toEqual([fresh.toLowerCase()]);
  }, 60_000);

  it('records and reports a batch that reverted, with the fee it cost', async () => {
    const address = await f.fund(7, { USDT: 1_000_000n });
    const planned = await f.planAndSign({ indexes: [7], strategy: 'eip7702', planId: '7702-revert' });
    // Enough gas to get in (intrinsic cost and authorization), not enough to sweep.
    const batches = planned.plan.batches.map((batch) => ({ ...batch, gasLimit: '60000' }));
    const starved = { ...planned, plan: { ...planned.plan, batches } };
    const report = await f.send(starved);
    expect(report.transactions).toHaveLength(1);
    const [batch] = report.transactions;
    expect(batch).toMatchObject({ kind: 'batch', status: 'reverted' });
    const receipt = await f.publicClient.getTransactionReceipt({ hash: batch?.hash ?? '0x' });
    expect(receipt.status).toBe('reverted');
    expect(batch?.gasUsed).toBe(receipt.gasUsed);
    expect(batch?.feeWei).toBe(receipt.gasUsed * receipt.effectiveGasPrice);
    expect(batch?.feeWei).toBeGreaterThan(0n);
    expect(report.failed).toEqual([
      { address: address.toLowerCase(), index: 7, reason: `batch 0 ${batch?.hash} reverted` },
    ]);
    expect(await f.tokenBalance(f.chain.tokens.USDT, address)).toBe(1_000_000n);
    expect(await f.funds.hasSweepTransaction('DEV', batch?.hash ?? '0x')).toBe(true);
  }, 60_000);

  it('refuses to send when the base fee rose above the plan cap', async () => {
    await f.fund(8, { USDT: 1_000_000n });
    const planned = await f.planAndSign({ indexes: [8], strategy: 'eip7702', planId: '7702-cap' });
    const capped = { ...planned, plan: { ...planned.plan, maxFeePerGas: '1', maxPriorityFeePerGas: '1' } };
    const block = await f.publicClient.getBlockNumber();
    const error = await f.send(capped).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SweepError);
    expect((error as Error).message).toMatch(/^fees rose above the plan's cap .*; plan again$/);
    expect(await f.publicClient.getBlockNumber()).toBe(block);
  });
});
