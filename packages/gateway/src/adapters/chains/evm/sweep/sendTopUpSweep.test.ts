// Risk: a top-up sweep strands tokens, pays a deposit address more gas than it burns, records a
// ledger that disagrees with the chain, or pays again when send is run a second time (issue 13).
import { type Address, createTestClient, createWalletClient, http, parseEther } from 'viem';
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SweepSendFixture, startSweepSendFixture } from '../../../../../test/support/startSweepSendFixture.ts';
import type { SignedSweep } from '../../../../core/sweep/SignedSweep.ts';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import { ANVIL_DEFAULT_MNEMONIC } from '../startAnvil.ts';
import type { SweepSendReport } from './SweepSendReport.ts';

let f: SweepSendFixture;
beforeAll(async () => {
  f = await startSweepSendFixture();
}, 60_000);
afterAll(async () => {
  await f?.stop();
});

describe('sendSignedSweep (topup)', () => {
  let signed: SignedSweep;
  let first: SweepSendReport;
  let addresses: Address[];
  let gasWalletNonce: number;

  it('sweeps tokens, tokens with native, and native only, paying exact top-ups', async () => {
    addresses = [
      await f.fund(1, { USDT: 5_000_000n, USDC: 2_500_000n }),
      await f.fund(2, { USDT: 1_000_000n, native: parseEther('0.05') }),
      await f.fund(3, { native: parseEther('0.02') }),
    ];
    signed = await f.planAndSign({ indexes: [1, 2, 3], strategy: 'topup', planId: 'topup-1' });
    const { plan } = signed;
    expect(plan.strategy).toBe('topup');
    const nonceBefore = await f.publicClient.getTransactionCount({ address: f.gasAccount.address });
    const lines: string[] = [];
    first = await f.send(signed, { log: (line) => lines.push(line) });
    gasWalletNonce = await f.publicClient.getTransactionCount({ address: f.gasAccount.address });

    const { USDT, USDC } = f.chain.tokens;
    expect(await f.tokenBalance(USDT, f.destination)).toBe(6_000_000n);
    expect(await f.tokenBalance(USDC, f.destination)).toBe(2_500_000n);
    for (const address of addresses) {
      expect(await f.tokenBalance(USDT, address)).toBe(0n);
      expect(await f.tokenBalance(USDC, address)).toBe(0n);
    }
    const nativeSent = plan.addresses
      .flatMap((a) => a.transactions)
      .filter((tx) => tx.kind === 'native')
      .reduce((sum, tx) => sum + BigInt(tx.amount), 0n);
    expect(nativeSent).toBeGreaterThan(0n);
    expect(await f.publicClient.getBalance({ address: f.destination })).toBe(nativeSent);

    const topUps = first.transactions.filter((t) => t.kind === 'topup');
    const planned = plan.addresses.filter((a) => a.topUp !== '0');
    expect(topUps.map((t) => t.address)).toEqual(planned.map((a) => a.address.toLowerCase()));
    expect(topUps.map((t) => t.valueWei)).toEqual(planned.map((a) => BigInt(a.topUp)));
    expect(gasWalletNonce - nonceBefore).toBe(topUps.length);
    expect(first.transactions.filter((t) => t.kind === 'deposit')).toHaveLength(signed.transactions.length);
    expect(first.transactions.every((t) => t.status === 'success' && t.isNewlyRecorded)).toBe(true);
    expect(first.failed).toEqual([]);
    expect(lines).toHaveLength(first.transactions.length);
    expect(first.moved).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ contract: null, amount: nativeSent }),
        expect.objectContaining({ contract: USDT.toLowerCase(), amount: 6_000_000n }),
        expect.objectContaining({ contract: USDC.toLowerCase(), amount: 2_500_000n }),
      ]),
    );
    expect(first.topUpsWei).toBe(BigInt(plan.cost.topUpsWei));
  }, 60_000);

  it('reports what each address keeps: the gas its transactions did not burn, nothing for a native-only one', async () => {
    const gasPrice = BigInt(signed.plan.gasPrice);
    for (const [i, address] of addresses.entries()) {
      const lower = address.toLowerCase();
      const balance = await f.publicClient.getBalance({ address });
      expect(first.leftover.find((l) => l.address === lower)).toEqual({
        address: lower,
        index: i + 1,
        nativeWei: balance,
      });
      const planned = signed.plan.addresses.find((a) => a.address.toLowerCase() === lower);
      const gasLimits = planned?.transactions.reduce((sum, tx) => sum + BigInt(tx.gasLimit), 0n) ?? 0n;
      const gasUsed = first.transactions
        .filter((t) => t.kind === 'deposit' && t.address === lower)
        .reduce((sum, t) => sum + t.gasUsed, 0n);
      expect(balance).toBe((gasLimits - gasUsed) * gasPrice);
    }
    expect(first.leftover.find((l) => l.index === 3)?.nativeWei).toBe(0n);
  });

  it('records every transaction in the ledger, with what it cost', async () => {
    for (const t of first.transactions) expect(await f.funds.hasSweepTransaction('DEV', t.hash)).toBe(true);
    const [costs] = await f.funds.summarizeSweepCosts();
    expect(costs).toEqual({
      networkKey: 'DEV',
      transactions: first.transactions.length,
      gasWalletFeesWei: first.gasWalletFeesWei,
      depositFeesWei: first.depositFeesWei,
      topUpsWei: first.topUpsWei,
    });
    expect(first.gasWalletFeesWei).toBe(21_000n * BigInt(signed.plan.gasPrice));
  });

  it('sends and records nothing new when run again', async () => {
    const block = await f.publicClient.getBlockNumber();
    const again = await f.send(signed);
    expect(await f.publicClient.getBlockNumber()).toBe(block);
    expect(await f.publicClient.getTransactionCount({ address: f.gasAccount.address })).toBe(gasWalletNonce);
    expect(again.transactions.map((t) => t.hash).sort()).toEqual(first.transactions.map((t) => t.hash).sort());
    expect(again.transactions.some((t) => t.isNewlyRecorded)).toBe(false);
    expect(again.moved).toEqual(first.moved);
    expect(again.failed).toEqual([]);
  });

  it('refuses before broadcasting anything when the gas wallet cannot pay the top-ups', async () => {
    const poor = privateKeyToAccount(generatePrivateKey());
    await createTestClient({ mode: 'anvil', transport: http(f.chain.rpcUrl) }).setBalance({
      address: poor.address,
      value: 1_000n,
    });
    await f.fund(4, { USDT: 3_000_000n });
    const poorSigned = await f.planAndSign({
      indexes: [4],
      strategy: 'topup',
      planId: 'topup-poor',
      gasWallet: poor.address,
    });
    const block = await f.publicClient.getBlockNumber();
    const error = await f.send(poorSigned, { gasWallet: poor }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SweepError);
    expect((error as Error).message).toMatch(/^gas wallet 0x[0-9a-fA-F]{40} holds 0\.000000000000001 .* needs /);
    expect(await f.publicClient.getBlockNumber()).toBe(block);
    expect(await f.tokenBalance(f.chain.tokens.USDT, poorSigned.plan.addresses[0]?.address as Address)).toBe(
      3_000_000n,
    );
  });

  it('reports an address whose nonce another transaction used, and sweeps the others', async () => {
    const moved = await f.fund(5, { USDT: 2_000_000n, native: parseEther('0.01') });
    const other = await f.fund(6, { USDC: 4_000_000n });
    const signedBoth = await f.planAndSign({ indexes: [5, 6], strategy: 'topup', planId: 'topup-nonce' });
    const account = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { path: "m/44'/60'/2'/0/5" });
    const wallet = createWalletClient({ account, transport: http(f.chain.rpcUrl) });
    const hash = await wallet.sendTransaction({ to: moved, value: 0n, chain: null });
    await f.publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 });
    const destinationUsdc = await f.tokenBalance(f.chain.tokens.USDC, f.destination);

    const report = await f.send(signedBoth);
    expect(report.failed).toEqual([
      { address: moved.toLowerCase(), index: 5, reason: 'nonce 0 was used by another transaction; plan again' },
    ]);
    expect(report.transactions.every((t) => t.address === other.toLowerCase())).toBe(true);
    expect(await f.tokenBalance(f.chain.tokens.USDT, moved)).toBe(2_000_000n);
    expect(await f.tokenBalance(f.chain.tokens.USDC, f.destination)).toBe(destinationUsdc + 4_000_000n);
  });
});
