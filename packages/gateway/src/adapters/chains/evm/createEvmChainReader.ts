import type { ChainReader } from '../../../core/ChainReader.ts';
import type { Network } from '../../../core/network.ts';
import { type ChainClient, type CreateChainClientOptions, createChainClient } from './createChainClient.ts';
import { scanBlockRange } from './scanBlockRange.ts';

/**
 * The watcher's view of an EVM network over JSON-RPC: head and block headers from
 * `eth_getBlockByNumber`, transfers from {@link scanBlockRange}.
 */
export function createEvmChainReader(
  network: Network,
  options: CreateChainClientOptions & { readonly client?: ChainClient } = {},
): ChainReader {
  const client = options.client ?? createChainClient(network, options);
  const toChainBlock = (b: { number: bigint; hash: `0x${string}`; parentHash: `0x${string}` }) => ({
    blockNumber: b.number,
    blockHash: b.hash,
    parentHash: b.parentHash,
  });
  return {
    async getHead() {
      return toChainBlock(await client.getBlock({ blockTag: 'latest' }));
    },
    async getBlock(blockNumber) {
      try {
        return toChainBlock(await client.getBlock({ blockNumber }));
      } catch (error) {
        if ((error as Error).name === 'BlockNotFoundError') return null;
        throw error;
      }
    },
    async scanBlockRange({ fromBlock, toBlock, isWatched }) {
      const result = await scanBlockRange({ client, network, fromBlock, toBlock, isWatched });
      return { transfers: result.transfers, blocks: result.blocks.map(toChainBlock) };
    },
  };
}
