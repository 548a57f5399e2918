import type { ChainReader } from '../../../core/ChainReader.ts';
import type { Network } from '../../../core/network.ts';
import type { ChainBlock } from '../../../core/ports.ts';
import { createRpcClient } from '../evm/createRpcClient.ts';
import { createTronHttpApi, type TronHttpApi } from './createTronHttpApi.ts';
import { parseTronBlock, type TronBlock } from './parseTronBlock.ts';
import { scanTronBlockRange, type TronRpcRequest } from './scanTronBlockRange.ts';

export type CreateTronChainReaderOptions = {
  /** Per JSON-RPC batch and per HTTP API call. Default 10 s. */
  readonly timeoutMs?: number;
  /** For tests: the HTTP API client; default one over the network's `httpApiUrls`. */
  readonly httpApi?: TronHttpApi;
};

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The watcher's view of a TRON network: java-tron's Ethereum-style JSON-RPC (`/jsonrpc`) for
 * blocks and TRC-20 logs, and its HTTP API for the one thing JSON-RPC cannot tell (whether a
 * transaction moved TRX). A payment counts once its block is solidified, which JSON-RPC names
 * `finalized` (`getFinalizedBlockNumber`). java-tron has no websocket `newHeads`, so the head
 * is polled.
 */
export function createTronChainReader(network: Network, options: CreateTronChainReaderOptions = {}): ChainReader {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (network.rpcUrls.some((url) => /^wss?:/i.test(url))) {
    throw new Error(`network ${network.key}: TRON nodes serve JSON-RPC over HTTP only, not websockets`);
  }
  const client = createRpcClient(network, { timeoutMs });
  const request: TronRpcRequest = (call) => client.request(call);
  const httpApi = options.httpApi ?? createTronHttpApi(network.httpApiUrls ?? [], { timeoutMs });
  const getBlockByTag = async (tag: string): Promise<TronBlock | null> =>
    parseTronBlock(await request({ method: 'eth_getBlockByNumber', params: [tag, false] }));
  const toChainBlock = (b: TronBlock): ChainBlock => ({
    blockNumber: b.number,
    blockHash: b.hash,
    parentHash: b.parentHash,
  });
  const required = async (tag: string): Promise<TronBlock> => {
    const block = await getBlockByTag(tag);
    if (block === null) throw new Error(`TRON node has no ${tag} block`);
    return block;
  };
  return {
    getHead: async () => toChainBlock(await required('latest')),
    async getFinalizedBlockNumber() {
      let block: TronBlock | null;
      try {
        block = await getBlockByTag('finalized');
      } catch (error) {
        // The tag came with java-tron GreatVoyage-v4.8.0; an older node answers an error the step logs.
        throw new Error(
          'TRON node cannot report its solidified block (eth_getBlockByNumber "finalized" needs java-tron 4.8.0 or later)',
          { cause: error },
        );
      }
      if (block === null) throw new Error('TRON node has no finalized block');
      return block.number;
    },
    async getBlock(blockNumber) {
      const block = await getBlockByTag(`0x${blockNumber.toString(16)}`);
      return block === null ? null : toChainBlock(block);
    },
    async scanBlockRange({ fromBlock, toBlock, isWatched }) {
      const result = await scanTronBlockRange({ request, httpApi, network, fromBlock, toBlock, isWatched });
      return { transfers: result.transfers, blocks: result.blocks.map(toChainBlock) };
    },
  };
}
