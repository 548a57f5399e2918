// Risk: transactions signed offline that a real node rejects (wrong chain id encoding, a gas price
// or nonce the chain does not take), so a sweep fails only when it is sent.
import { createWalletClient, erc20Abi, http, publicActions } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildExampleSweepPlan,
  EXAMPLE_GAS_PRICE,
  EXAMPLE_SWEEP_DESTINATION,
} from '../../../../../test/support/buildExampleSweepPlan.ts';
import type { SweepPlan } from '../../../../core/sweep/SweepPlan.ts';
import { deployTestToken } from '../deployTestToken.ts';
import { mintTestToken } from '../mintTestToken.ts';
import { ANVIL_DEFAULT_ACCOUNT, ANVIL_DEFAULT_MNEMONIC, type StartAnvilReturnType, startAnvil } from '../startAnvil.ts';
import { parseSweepPlan } from './parseSweepPlan.ts';
import { signSweepPlan } from './signSweepPlan.ts';

let anvil: StartAnvilReturnType;
beforeAll(async () => {
  anvil = await startAnvil();
});
afterAll(async () => {
  await anvil?.stop();
});

/** The example topup plan, moved onto this fresh chain: the real token, address 1 at nonce 0. */
function planFor(token: `0x${string}`): SweepPlan {
  const json = JSON.stringify(buildExampleSweepPlan('topup'))
    .replaceAll('0x5FbDB2315678afecb367f032d93F642f64180aa3', token)
    .replaceAll('"nonce":3', '"nonce":0');
  return parseSweepPlan(JSON.parse(json));
}

describe('signSweepPlan on a real chain', () => {
  it('signs topup transactions the node accepts, moving the balances to the destination', async () => {
    const gasWallet = createWalletClient({
      account: privateKeyToAccount(ANVIL_DEFAULT_ACCOUNT.privateKey),
      transport: http(anvil.rpcUrl),
    }).extend(publicActions);
    const common = { rpcUrl: anvil.rpcUrl, privateKey: ANVIL_DEFAULT_ACCOUNT.privateKey } as const;
    const token = await deployTestToken({ ...common, name: 'Tether USD', symbol: 'USDT', decimals: 6 });
    const plan = planFor(token);
    const [tokenHolder, coinHolder] = plan.addresses;
    if (tokenHolder === undefined || coinHolder === undefined) throw new Error('example plan changed');
    await mintTestToken({ ...common, token, to: tokenHolder.address, amount: 1_500_000n });
    for (const [to, value] of [
      [tokenHolder.address, BigInt(tokenHolder.topUp)],
      [coinHolder.address, BigInt(coinHolder.native)],
    ] as const) {
      const hash = await gasWallet.sendTransaction({ to, value, chain: null });
      await gasWallet.waitForTransactionReceipt({ hash, pollingInterval: 20 });
    }

    const signed = signSweepPlan({
      plan,
      secret: ANVIL_DEFAULT_MNEMONIC,
      expected: { destination: EXAMPLE_SWEEP_DESTINATION, chainId: anvil.chainId },
    });
    const destinationBefore = await gasWallet.getBalance({ address: EXAMPLE_SWEEP_DESTINATION });
    for (const t of signed.transactions) {
      expect(await gasWallet.sendRawTransaction({ serializedTransaction: t.raw })).toBe(t.hash);
      const receipt = await gasWallet.waitForTransactionReceipt({ hash: t.hash, pollingInterval: 20 });
      expect(receipt.status).toBe('success');
      expect(receipt.effectiveGasPrice).toBe(EXAMPLE_GAS_PRICE);
    }

    const balanceOf = (address: `0x${string}`) =>
      gasWallet.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [address] });
    expect(await balanceOf(EXAMPLE_SWEEP_DESTINATION)).toBe(1_500_000n);
    expect(await balanceOf(tokenHolder.address)).toBe(0n);
    expect((await gasWallet.getBalance({ address: EXAMPLE_SWEEP_DESTINATION })) - destinationBefore).toBe(
      10n ** 18n - 21_000n * EXAMPLE_GAS_PRICE,
    );
    // Native sends leave exactly nothing; the token holder keeps only the unused part of its top-up.
    expect(await gasWallet.getBalance({ address: coinHolder.address })).toBe(0n);
    expect(await gasWallet.getBalance({ address: tokenHolder.address })).toBeLessThan(BigInt(tokenHolder.topUp));
  });
});
