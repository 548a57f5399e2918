import {
  type Address,
  createTestClient,
  createWalletClient,
  type Hash,
  http,
  publicActions,
  walletActions,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { kassaTestTokenAbi } from '../../src/adapters/chains/evm/kassaTestTokenArtifact.ts';

/**
 * A viem wallet of `privateKey` on a devnet, with the public actions, anvil's test actions under
 * `test`, and the two steps chain tests repeat: send a test token, wait for a receipt.
 */
export function createChainWallet(rpcUrl: string, privateKey: `0x${string}`) {
  return createWalletClient({ account: privateKeyToAccount(privateKey), transport: http(rpcUrl) })
    .extend(publicActions)
    .extend(() => ({ test: createTestClient({ mode: 'anvil', transport: http(rpcUrl) }).extend(walletActions) }))
    .extend((wallet) => ({
      sendToken: (token: Address, to: Address, amount: bigint): Promise<Hash> =>
        wallet.writeContract({
          address: token,
          abi: kassaTestTokenAbi,
          functionName: 'transfer',
          args: [to, amount],
          chain: null,
        }),
      receiptOf: (hash: Hash) => wallet.waitForTransactionReceipt({ hash, pollingInterval: 20 }),
    }));
}

export type ChainWallet = ReturnType<typeof createChainWallet>;
