import { type Address, createTestClient, http } from 'viem';
import { kassaTestTokenAbi } from '../../packages/gateway/src/adapters/chains/evm/kassaTestTokenArtifact.ts';
import type { BenchWallet } from './deployBenchTokens.ts';

/** Sends transactions into the block being filled; each resolves once the node has it (unmined). */
export type BlockFiller = {
  /** `count` Transfer events of `token` in one transaction (KassaTestToken's `emitNoise`). */
  emitNoise(token: Address, count: number, gas: bigint): Promise<unknown>;
  transferToken(token: Address, to: Address, amount: bigint): Promise<unknown>;
  sendNative(to: Address, value: bigint): Promise<unknown>;
};

export type FillBlocksReturnType = { readonly fromBlock: bigint; readonly toBlock: bigint; readonly fillMs: number };

/**
 * Mines `blocks` blocks on anvil, each holding what `fillBlock` sends: automine is off meanwhile,
 * so every block holds exactly one call's transactions, and nonces are counted here.
 */
export async function fillBlocks(
  wallet: BenchWallet,
  rpcUrl: string,
  blocks: number,
  fillBlock: (filler: BlockFiller, block: number) => Promise<void>,
): Promise<FillBlocksReturnType> {
  const test = createTestClient({ mode: 'anvil', transport: http(rpcUrl) });
  const fromBlock = (await wallet.getBlockNumber({ cacheTime: 0 })) + 1n;
  await test.setAutomine(false);
  let nonce = await wallet.getTransactionCount({ address: wallet.account.address, blockTag: 'pending' });
  const filler: BlockFiller = {
    emitNoise: (token, count, gas) =>
      wallet.writeContract({
        address: token,
        abi: kassaTestTokenAbi,
        functionName: 'emitNoise',
        args: [BigInt(count)],
        gas,
        nonce: nonce++,
        chain: null,
      }),
    transferToken: (token, to, amount) =>
      wallet.writeContract({
        address: token,
        abi: kassaTestTokenAbi,
        functionName: 'transfer',
        args: [to, amount],
        gas: 100_000n,
        nonce: nonce++,
        chain: null,
      }),
    sendNative: (to, value) => wallet.sendTransaction({ to, value, gas: 21_000n, nonce: nonce++, chain: null }),
  };
  const fillStartMs = performance.now();
  for (let b = 0; b < blocks; b += 1) {
    await fillBlock(filler, b);
    await test.mine({ blocks: 1 });
  }
  await test.setAutomine(true);
  const toBlock = await wallet.getBlockNumber({ cacheTime: 0 });
  return { fromBlock, toBlock, fillMs: performance.now() - fillStartMs };
}
