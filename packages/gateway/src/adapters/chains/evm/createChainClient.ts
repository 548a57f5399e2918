import { type Chain, createPublicClient, defineChain, fallback, http, type PublicClient, type Transport } from 'viem';
import type { Network } from '../../../core/network.ts';

/** A read-only viem client bound to one network. */
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
   * busy chain passes viem's 10 MB default easily, so the default is 64 MiB.
   */
  readonly maxResponseBytes?: number;
};

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_BATCH_SIZE = 100;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * Builds a viem public client for a network: falls back over its RPC URLs in order, times every
 * request out, and batches the requests issued in one tick (a scan's per-block reads go out as
 * one HTTP request).
 */
export function createChainClient(network: Network, options: CreateChainClientOptions = {}): ChainClient {
  if (network.rpcUrls.length === 0) throw new Error(`network ${network.key} has no RPC URL`);
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const batch = { batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE };
  const maxResponseBodySize = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const native = network.tokens.find((token) => token.contract === null);
  const chain = defineChain({
    id: network.chainId,
    name: network.key,
    nativeCurrency: {
      name: native?.name ?? 'Ether',
      symbol: native?.symbol ?? 'ETH',
      decimals: native?.decimals ?? 18,
    },
    rpcUrls: { default: { http: [...network.rpcUrls] } },
  });
  return createPublicClient({
    chain,
    transport: fallback(network.rpcUrls.map((url) => http(url, { batch, timeout, maxResponseBodySize }))),
    pollingInterval: network.blockTimeSeconds * 1000,
    // The watcher decides how often to ask for the head; a cached block number would make it lag.
    cacheTime: 0,
  });
}
