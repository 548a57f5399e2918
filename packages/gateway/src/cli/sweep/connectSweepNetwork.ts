import { type ChainClient, createChainClient } from '../../adapters/chains/evm/createChainClient.ts';
import type { Network } from '../../core/network.ts';
import { SweepError } from '../../core/sweep/SweepError.ts';

/**
 * A client for the network whose RPC answers with the configured chain id: signed transactions
 * sent to another chain would fail at best, and a wrong RPC URL must stop a sweep before it spends.
 */
export async function connectSweepNetwork(network: Network): Promise<ChainClient> {
  const publicClient = createChainClient(network);
  const chainId = await publicClient.getChainId();
  if (chainId !== network.chainId) {
    throw new SweepError(
      `the RPC of network ${network.key} answers chain id ${chainId}, but the network is configured as chain ${network.chainId}`,
    );
  }
  return publicClient;
}
