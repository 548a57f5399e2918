import { type Address, createTestClient, createWalletClient, type Hash, type Hex, http, publicActions } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { kassaTestTokenAbi } from '../../src/adapters/chains/evm/kassaTestTokenArtifact.ts';

/** A mined payment: where it landed. */
export type SentPayment = { readonly hash: Hash; readonly blockNumber: bigint; readonly blockHash: Hash };

/** A funded devnet account that pays deposit addresses, and anvil's chain controls (mine, reorg). */
export type Payer = {
  payToken(token: Address, to: string, amount: bigint): Promise<SentPayment>;
  payNative(to: string, value: bigint): Promise<SentPayment>;
  /** Mines `blocks` empty blocks (`anvil_mine`). */
  mine(blocks: number): Promise<void>;
  /** Replaces the newest `depth` blocks with new ones holding `transactions` (raw, at block offsets). */
  reorg(depth: number, transactions?: readonly (readonly [Hex, number])[]): Promise<void>;
  /** The signed bytes of a mined transaction, to mine it again on another fork. */
  getRawTransaction(hash: Hash): Promise<Hex>;
  getBlockNumber(): Promise<bigint>;
};

/** Pays from `privateKey` on the anvil node at `rpcUrl` (automine: each payment is its own block). */
export function createPayer(rpcUrl: string, privateKey: Hex): Payer {
  const wallet = createWalletClient({ account: privateKeyToAccount(privateKey), transport: http(rpcUrl) }).extend(
    publicActions,
  );
  const test = createTestClient({ mode: 'anvil', transport: http(rpcUrl) });
  const mined = async (hash: Hash): Promise<SentPayment> => {
    const receipt = await wallet.waitForTransactionReceipt({ hash, pollingInterval: 10 });
    if (receipt.status !== 'success') throw new Error(`payment ${hash} reverted`);
    return { hash, blockNumber: receipt.blockNumber, blockHash: receipt.blockHash };
  };
  return {
    async payToken(token, to, amount) {
      const hash = await wallet.writeContract({
        address: token,
        abi: kassaTestTokenAbi,
        functionName: 'transfer',
        args: [to as Address, amount],
        chain: null,
      });
      return mined(hash);
    },
    async payNative(to, value) {
      return mined(await wallet.sendTransaction({ to: to as Address, value, chain: null }));
    },
    async mine(blocks) {
      await test.mine({ blocks });
    },
    async reorg(depth, transactions = []) {
      await wallet.request({ method: 'anvil_reorg', params: [depth, transactions] } as never);
    },
    async getRawTransaction(hash) {
      return (await wallet.request({ method: 'eth_getRawTransactionByHash', params: [hash] } as never)) as Hex;
    },
    getBlockNumber: () => wallet.getBlockNumber({ cacheTime: 0 }),
  };
}
