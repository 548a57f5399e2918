import type { ChainReader } from '../../../core/ChainReader.ts';
import type { Network } from '../../../core/network.ts';
import { type CreateRpcClientOptions, createRpcClient, isWebSocketUrl, type RpcClient } from './createRpcClient.ts';
import { createRpcSocket } from './createRpcSocket.ts';
import { getEvmBlock } from './getEvmBlock.ts';
import type { CreateRpcSocketOptions } from './RpcSocket.ts';
import { scanBlockRange } from './scanBlockRange.ts';

export type CreateEvmChainReaderOptions = CreateRpcClientOptions &
  Pick<CreateRpcSocketOptions, 'initialBackoffMs' | 'maxBackoffMs' | 'keepAliveMs'> & {
    readonly client?: RpcClient;
  };

/**
 * The watcher's view of an EVM network over JSON-RPC: head and block headers from
 * `eth_getBlockByNumber`, transfers from {@link scanBlockRange}, and, when the network has a
 * `ws(s)://` URL, the node's `newHeads` announcements over the first one (`watchHeads`).
 */
export function createEvmChainReader(network: Network, options: CreateEvmChainReaderOptions = {}): ChainReader {
  const socketOptions = {
    timeoutMs: options.timeoutMs,
    initialBackoffMs: options.initialBackoffMs,
    maxBackoffMs: options.maxBackoffMs,
    keepAliveMs: options.keepAliveMs,
  };
  const wsUrls = network.rpcUrls.filter(isWebSocketUrl);
  const sockets = wsUrls.map((url) => createRpcSocket(url, socketOptions));
  // Its own connection: on one shared with reads, anvil held a read's answer written right after
  // an announcement for ~40 ms (small TCP writes waiting for a delayed ACK): getHead 45 ms, not 2 ms.
  const headSocket = wsUrls[0] === undefined ? undefined : createRpcSocket(wsUrls[0], socketOptions);
  const client = options.client ?? createRpcClient(network, { ...options, sockets });
  const toChainBlock = (b: { number: bigint; hash: `0x${string}`; parentHash: `0x${string}` }) => ({
    blockNumber: b.number,
    blockHash: b.hash,
    parentHash: b.parentHash,
  });
  return {
    async getHead() {
      const head = await getEvmBlock(client, 'latest');
      if (head === null) throw new Error('the RPC node has no latest block');
      return toChainBlock(head);
    },
    async getBlock(blockNumber) {
      const block = await getEvmBlock(client, blockNumber);
      return block === null ? null : toChainBlock(block);
    },
    async scanBlockRange({ fromBlock, toBlock, isWatched }) {
      const result = await scanBlockRange({ client, network, fromBlock, toBlock, isWatched });
      return { transfers: result.transfers, blocks: result.blocks.map(toChainBlock) };
    },
    ...(headSocket === undefined
      ? {}
      : {
          watchHeads(onEvent, signal) {
            headSocket.watchHeads(onEvent, signal);
            // While the head is followed, the reads' connections stay open between steps.
            for (const socket of sockets) socket.keepOpen(signal);
          },
        }),
  };
}
