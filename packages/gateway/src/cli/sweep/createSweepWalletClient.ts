import { createWalletClient, custom, type LocalAccount } from 'viem';
import type { ChainClient } from '../../adapters/chains/evm/createChainClient.ts';

/** A wallet client that signs locally with `account` and sends through the network's public client. */
export function createSweepWalletClient(publicClient: ChainClient, account: LocalAccount) {
  return createWalletClient({
    account,
    chain: publicClient.chain,
    transport: custom({ request: publicClient.request }),
  });
}
