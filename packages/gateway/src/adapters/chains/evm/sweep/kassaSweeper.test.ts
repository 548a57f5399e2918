// Guards the sweeper contract's promise on a real chain: whoever calls it, however an address was
// delegated, funds leave a deposit address only for the immutable destination, and a batch is all
// or nothing.
import {
  type Address,
  createPublicClient,
  createTestClient,
  createWalletClient,
  getAddress,
  type Hex,
  http,
  type LocalAccount,
  type PublicClient,
  parseEther,
  parseEventLogs,
  type SignedAuthorization,
  zeroAddress,
} from 'viem';
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SweepError } from '../../../../core/sweep/SweepError.ts';
import { deployTestToken } from '../deployTestToken.ts';
import { kassaTestTokenAbi } from '../kassaTestTokenArtifact.ts';
import { mintTestToken } from '../mintTestToken.ts';
import { ANVIL_DEFAULT_ACCOUNT, ANVIL_DEFAULT_MNEMONIC, type StartAnvilReturnType, startAnvil } from '../startAnvil.ts';
import { deploySweeper } from './deploySweeper.ts';
import { encodeSweepBatch } from './encodeSweepBatch.ts';
import { estimateSweepBatchGas } from './estimateSweepBatchGas.ts';
import { isDelegatedTo } from './isDelegatedTo.ts';
import { kassaSweeperAbi } from './kassaSweeperArtifact.ts';
import { predictSweeperAddress, SWEEPER_DEPLOYER, sweeperInitCode } from './predictSweeperAddress.ts';

// Hand-assembled ERC-20 stand-ins (runtime code): both answer balanceOf with 1.
// USDT style: any other call succeeds and returns nothing.
const SILENT_TOKEN_CODE: Hex = '0x60003560e01c6370a0823114601057005b600160005260206000f3';
// Broken: any other call (transfer) returns false.
const FALSE_TOKEN_CODE: Hex = '0x60003560e01c6370a082311460005260206000f3';
const SILENT_TOKEN: Address = '0x0000000000000000000000000000000000005117';
const FALSE_TOKEN: Address = '0x000000000000000000000000000000000000fa15';
// No code at all: balanceOf's empty answer fails to decode, so the call reverts.
const NO_CODE_TOKEN: Address = '0x0000000000000000000000000000000000000c0d';

const deposit = (i: number) => mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { accountIndex: 2, addressIndex: i });
const destination = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { accountIndex: 3, addressIndex: 0 }).address;
// Funded by anvil (m/44'/60'/0'/0/7) and unrelated to Kassa.
const stranger = mnemonicToAccount(ANVIL_DEFAULT_MNEMONIC, { addressIndex: 7 });
const gasAccount = privateKeyToAccount(ANVIL_DEFAULT_ACCOUNT.privateKey);

let anvil: StartAnvilReturnType;
let publicClient: PublicClient;
let sweeper: Address;
let tokenA: Address;
let tokenB: Address;

beforeAll(async () => {
  anvil = await startAnvil();
  publicClient = createPublicClient({ transport: http(anvil.rpcUrl), pollingInterval: 50 });
  const deploy = (symbol: string) =>
    deployTestToken({
      rpcUrl: anvil.rpcUrl,
      privateKey: ANVIL_DEFAULT_ACCOUNT.privateKey,
      name: symbol,
      symbol,
      decimals: 6,
    });
  tokenA = await deploy('TKA');
  tokenB = await deploy('TKB');
});
afterAll(() => anvil?.stop());

function walletOf(account: LocalAccount) {
  return createWalletClient({ account, transport: http(anvil.rpcUrl) });
}

async function send(
  account: LocalAccount,
  request: { to: Address; data?: Hex; value?: bigint; gas?: bigint; authorizationList?: SignedAuthorization[] },
) {
  const hash = await walletOf(account).sendTransaction({ ...request, chain: null });
  return publicClient.waitForTransactionReceipt({ hash });
}

const mint = (token: Address, to: Address, amount: bigint) =>
  mintTestToken({ rpcUrl: anvil.rpcUrl, privateKey: ANVIL_DEFAULT_ACCOUNT.privateKey, token, to, amount });
const tokenBalance = (token: Address, owner: Address) =>
  publicClient.readContract({ address: token, abi: kassaTestTokenAbi, functionName: 'balanceOf', args: [owner] });

async function authorize(account: LocalAccount, contractAddress: Address): Promise<SignedAuthorization> {
  const nonce = await publicClient.getTransactionCount({ address: account.address });
  if (account.signAuthorization === undefined) throw new Error('account cannot sign authorizations');
  return account.signAuthorization({ contractAddress, chainId: anvil.chainId, nonce });
}

describe('KassaSweeper', () => {
  it('deploys at the predicted address once; a second deploy sends nothing', async () => {
    const walletClient = walletOf(gasAccount);
    const first = await deploySweeper({ publicClient, walletClient, destination });
    expect(first.txid).not.toBeNull();
    expect(first.address).toBe(predictSweeperAddress(destination));
    const second = await deploySweeper({ publicClient, walletClient, destination });
    expect(second).toEqual({ address: first.address, txid: null });
    sweeper = first.address;
    expect(
      await publicClient.readContract({ address: sweeper, abi: kassaSweeperAbi, functionName: 'destination' }),
    ).toBe(destination);
  });

  it('refuses a zero destination, and a chain without the deployment proxy', async () => {
    await expect(publicClient.call({ data: sweeperInitCode(zeroAddress) })).rejects.toThrow();
    const testClient = createTestClient({ mode: 'anvil', transport: http(anvil.rpcUrl) });
    const proxyCode = await publicClient.getCode({ address: SWEEPER_DEPLOYER });
    await testClient.setCode({ address: SWEEPER_DEPLOYER, bytecode: '0x' });
    try {
      const other = deposit(99).address;
      const deployment = deploySweeper({ publicClient, walletClient: walletOf(gasAccount), destination: other });
      await expect(deployment).rejects.toBeInstanceOf(SweepError);
      await expect(deployment).rejects.toThrow(
        `this chain lacks the deterministic deployment proxy ${SWEEPER_DEPLOYER}`,
      );
    } finally {
      await testClient.setCode({ address: SWEEPER_DEPLOYER, bytecode: proxyCode ?? '0x' });
    }
  });

  it('sweeps tokens and native coin of freshly authorized addresses to the destination in one transaction', async () => {
    const [d0, d1, d2] = [deposit(0), deposit(1), deposit(2)];
    await mint(tokenA, d0.address, 1_000_000n);
    await mint(tokenA, d1.address, 2_000_000n);
    await mint(tokenB, d1.address, 3_000_000n);
    await send(gasAccount, { to: d0.address, value: parseEther('0.5') });
    await send(gasAccount, { to: d2.address, value: parseEther('0.25') });
    const authorizationList = [
      await authorize(d0, sweeper),
      await authorize(d1, sweeper),
      await authorize(d2, sweeper),
    ];
    const batch = { addresses: [d0.address, d1.address, d2.address], tokens: [[tokenA], [tokenA, tokenB], []] };
    const gas = estimateSweepBatchGas({
      authorizations: 3,
      addresses: 3,
      tokenTransfers: 3,
      nativeTransfers: 2,
      distinctTokens: 2,
    });
    const receipt = await send(gasAccount, { to: sweeper, data: encodeSweepBatch(batch), gas, authorizationList });

    expect(receipt.status).toBe('success');
    for (const d of [d0, d1, d2]) {
      expect(isDelegatedTo(await publicClient.getCode({ address: d.address }), sweeper)).toBe(true);
      expect(await publicClient.getBalance({ address: d.address })).toBe(0n);
      expect(await tokenBalance(tokenA, d.address)).toBe(0n);
      expect(await tokenBalance(tokenB, d.address)).toBe(0n);
    }
    expect(await tokenBalance(tokenA, destination)).toBe(3_000_000n);
    expect(await tokenBalance(tokenB, destination)).toBe(3_000_000n);
    expect(await publicClient.getBalance({ address: destination })).toBe(parseEther('0.75'));
    const swept = parseEventLogs({ abi: kassaSweeperAbi, logs: receipt.logs, eventName: 'NativeSwept' });
    expect(swept.map((log) => [getAddress(log.address), log.args.amount])).toEqual([
      [d0.address, parseEther('0.5')],
      [d2.address, parseEther('0.25')],
    ]);
    const transfers = parseEventLogs({ abi: kassaTestTokenAbi, logs: receipt.logs, eventName: 'Transfer' });
    expect(transfers.map((log) => log.args.to)).toEqual([destination, destination, destination]);
  });

  it('lets a third party sweep a delegated address, or a batch, only to the destination', async () => {
    const [d0, d1] = [deposit(0), deposit(1)];
    await mint(tokenA, d0.address, 5n);
    await mint(tokenB, d1.address, 7n);
    await send(gasAccount, { to: d1.address, value: 11n });
    const before = { a: await tokenBalance(tokenA, destination), b: await tokenBalance(tokenB, destination) };
    const nativeBefore = await publicClient.getBalance({ address: destination });

    const direct = walletOf(stranger).writeContract({
      address: d0.address,
      abi: kassaSweeperAbi,
      functionName: 'sweep',
      args: [[tokenA]],
      chain: null,
    });
    expect((await publicClient.waitForTransactionReceipt({ hash: await direct })).status).toBe('success');
    const batch = encodeSweepBatch({ addresses: [d1.address], tokens: [[tokenB]] });
    expect((await send(stranger, { to: sweeper, data: batch })).status).toBe('success');

    expect(await tokenBalance(tokenA, destination)).toBe(before.a + 5n);
    expect(await tokenBalance(tokenB, destination)).toBe(before.b + 7n);
    expect(await publicClient.getBalance({ address: destination })).toBe(nativeBefore + 11n);
    expect(await tokenBalance(tokenA, stranger.address)).toBe(0n);
    expect(await tokenBalance(tokenB, stranger.address)).toBe(0n);
    expect(await tokenBalance(tokenA, d0.address)).toBe(0n);
    expect(await tokenBalance(tokenB, d1.address)).toBe(0n);
  });

  it('ignores a replayed authorization: the code and nonce of its signer do not change', async () => {
    const d3 = deposit(3);
    // An old authorization (to another contract), used, then superseded by the sweeper's.
    const old = await authorize(d3, tokenA);
    expect((await send(gasAccount, { to: gasAccount.address, authorizationList: [old] })).status).toBe('success');
    const current = await authorize(d3, sweeper);
    expect((await send(gasAccount, { to: gasAccount.address, authorizationList: [current] })).status).toBe('success');
    const nonce = await publicClient.getTransactionCount({ address: d3.address });
    await mint(tokenA, d3.address, 9n);

    const replay = await send(stranger, { to: stranger.address, gas: 100_000n, authorizationList: [old, current] });
    expect(replay.status).toBe('success');
    expect(isDelegatedTo(await publicClient.getCode({ address: d3.address }), sweeper)).toBe(true);
    expect(await publicClient.getTransactionCount({ address: d3.address })).toBe(nonce);
    expect(await tokenBalance(tokenA, d3.address)).toBe(9n);
  });

  it('still accepts a plain native payment into a delegated address, and the next sweep moves it', async () => {
    const d2 = deposit(2);
    const payment = await send(stranger, { to: d2.address, value: parseEther('1.5') });
    expect(payment.status).toBe('success');
    expect(await publicClient.getBalance({ address: d2.address })).toBe(parseEther('1.5'));
    // But not within a fixed 21,000 gas (as some exchanges send): receive() runs (21,055 measured).
    expect(payment.gasUsed).toBeGreaterThan(21_000n);
    expect((await send(stranger, { to: d2.address, value: 1n, gas: 21_000n })).status).toBe('reverted');

    const receipt = await send(gasAccount, {
      to: sweeper,
      data: encodeSweepBatch({ addresses: [d2.address], tokens: [[]] }),
    });
    const swept = parseEventLogs({ abi: kassaSweeperAbi, logs: receipt.logs, eventName: 'NativeSwept' });
    expect(swept.map((log) => log.args.amount)).toEqual([parseEther('1.5')]);
    expect(await publicClient.getBalance({ address: d2.address })).toBe(0n);
  });

  it('accepts tokens whose transfer returns nothing', async () => {
    const testClient = createTestClient({ mode: 'anvil', transport: http(anvil.rpcUrl) });
    await testClient.setCode({ address: SILENT_TOKEN, bytecode: SILENT_TOKEN_CODE });
    const data = encodeSweepBatch({ addresses: [deposit(0).address], tokens: [[SILENT_TOKEN]] });
    expect((await send(gasAccount, { to: sweeper, data, gas: 200_000n })).status).toBe('success');
  });

  it('reverts the whole batch when a token transfer returns false or the token call reverts', async () => {
    const [d0, d1] = [deposit(0), deposit(1)];
    const testClient = createTestClient({ mode: 'anvil', transport: http(anvil.rpcUrl) });
    await testClient.setCode({ address: FALSE_TOKEN, bytecode: FALSE_TOKEN_CODE });
    await mint(tokenA, d0.address, 13n);
    await mint(tokenA, d1.address, 17n);
    await send(gasAccount, { to: d1.address, value: 19n });
    const destinationBefore = await tokenBalance(tokenA, destination);

    for (const bad of [FALSE_TOKEN, NO_CODE_TOKEN]) {
      const data = encodeSweepBatch({ addresses: [d0.address, d1.address], tokens: [[tokenA], [tokenA, bad]] });
      expect((await send(gasAccount, { to: sweeper, data, gas: 500_000n })).status).toBe('reverted');
    }
    await expect(
      publicClient.simulateContract({
        address: d1.address,
        abi: kassaSweeperAbi,
        functionName: 'sweep',
        args: [[FALSE_TOKEN]],
      }),
    ).rejects.toThrow(/TokenTransferFailed/);
    expect(await tokenBalance(tokenA, d0.address)).toBe(13n);
    expect(await tokenBalance(tokenA, d1.address)).toBe(17n);
    expect(await publicClient.getBalance({ address: d1.address })).toBe(19n);
    expect(await tokenBalance(tokenA, destination)).toBe(destinationBefore);
  });
});
