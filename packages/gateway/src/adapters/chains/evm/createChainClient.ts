import { type Chain, createPublicClient, custom, defineChain, fallback, type PublicClient, type Transport } from 'viem';
import type { Network } from '../../../core/network.ts';
import { createHttpRpcTransport } from './createHttpRpcTransport.ts';
import { isWebSocketUrl } from './createRpcClient.ts';
import { createRpcSocket } from './createRpcSocket.ts';
import type { RpcSocket } from './RpcSocket.ts';

/** A read-only viem client bound to one network: the sweep's and the sandbox's (the watcher reads through `createRpcClient`). */
export type ChainClient = PublicClient<Transport, Chain>;

export type CreateChainClientOptions = {
  /** Per HTTP request (one batch); a hung RPC must not stall the watcher. Default 10 s. */
  readonly timeoutMs?: number;
  /**
   * Most JSON-RPC requests per HTTP batch. Hosted RPCs cap batches (often at 100 or less) and
   * answer larger ones with an error, so the default stays at 100.
   */
  readonly batchSize?: number;
  /**
   * Largest HTTP response accepted, a guard against a runaway RPC. A batch of full blocks of a
   * busy chain passes 10 MB (viem's own default) easily, so the default is 64 MiB.
   */
  readonly maxResponseBytes?: number;
  /** The sockets of the network's `ws(s)://` URLs, when the caller shares them; else made here. */
  readonly sockets?: readonly RpcSocket[];
};

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_BATCH_SIZE = 100;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * Builds a viem public client for a network. Reads go over its websocket URLs first (a watcher
 * step's reads from anvil on loopback: 2 ms there against 12 ms over HTTP, batched), then its HTTP URLs,
 * each group in the order given, falling back to the next when one fails. Every request times out;
 * over HTTP the requests issued in one tick go out as one batch (a scan's per-block reads), over a
 * websocket they go out at once on the open connection.
 */
export function createChainClient(network: Network, options: CreateChainClientOptions = {}): ChainClient {
  if (network.rpcUrls.length === 0) throw new Error(`network ${network.key} has no RPC URL`);
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const httpUrls = network.rpcUrls.filter((url) => !isWebSocketUrl(url));
  const sockets =
    options.sockets ??
    network.rpcUrls.filter(isWebSocketUrl).map((url) => createRpcSocket(url, { timeoutMs: timeout }));
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const native = network.tokens.find((token) => token.contract === null);
  const chain = defineChain({
    id: network.chainId,
    name: network.key,
    nativeCurrency: {
      name: native?.name ?? 'Ether',
      symbol: native?.symbol ?? 'ETH',
      decimals: native?.decimals ?? 18,
    },
    rpcUrls: { default: { http: httpUrls, webSocket: sockets.map((socket) => socket.url) } },
  });
  const transports = [
    // A socket that is down and waiting to reconnect fails at once: the next URL is tried without delay.
    ...sockets.map((socket) => custom({ request: ({ method, params }) => socket.request(method, params) })),
    ...httpUrls.map((url) => createHttpRpcTransport(url, { batchSize, timeoutMs: timeout, maxResponseBytes })),
  ];
  return createPublicClient({
    chain,
    transport: fallback(transports),
    pollingInterval: network.blockTimeSeconds * 1000,
    // The watcher decides how often to ask for the head; a cached block number would make it lag.
    cacheTime: 0,
  });
}
