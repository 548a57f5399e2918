import { type Chain, createPublicClient, defineChain, fallback, type PublicClient, type Transport } from 'viem';
import type { Network } from '../../../core/network.ts';
import { type CreateRpcClientOptions, createRpcEndpoints, isWebSocketUrl } from './createRpcClient.ts';
import { toViemTransport } from './toViemTransport.ts';

/** A read-only viem client bound to one network: the sweep's and the sandbox's (the watcher reads through `createRpcClient`). */
export type ChainClient = PublicClient<Transport, Chain>;

/**
 * Builds a viem public client for a network over the watcher's endpoints (`createRpcEndpoints`:
 * websocket URLs first, then HTTP ones, batched per tick, every request timed out), falling back
 * to the next when one fails. A socket that is down and waiting to reconnect fails at once, so the
 * next URL is tried without delay.
 */
export function createChainClient(network: Network, options: CreateRpcClientOptions = {}): ChainClient {
  const endpoints = createRpcEndpoints(network, options);
  const native = network.tokens.find((token) => token.contract === null);
  const chain = defineChain({
    id: network.chainId,
    name: network.key,
    nativeCurrency: {
      name: native?.name ?? 'Ether',
      symbol: native?.symbol ?? 'ETH',
      decimals: native?.decimals ?? 18,
    },
    rpcUrls: {
      default: {
        http: network.rpcUrls.filter((url) => !isWebSocketUrl(url)),
        webSocket: network.rpcUrls.filter(isWebSocketUrl),
      },
    },
  });
  return createPublicClient({
    chain,
    transport: fallback(endpoints.map(toViemTransport)),
    pollingInterval: network.blockTimeSeconds * 1000,
    // The watcher decides how often to ask for the head; a cached block number would make it lag.
    cacheTime: 0,
  });
}
