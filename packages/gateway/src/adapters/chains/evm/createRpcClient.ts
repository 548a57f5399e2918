import type { Network } from '../../../core/network.ts';
import { createHttpRpcEndpoint, type RpcEndpoint } from './createHttpRpcEndpoint.ts';
import { createRpcSocket } from './createRpcSocket.ts';
import type { RpcSocket } from './RpcSocket.ts';

/** The watcher's JSON-RPC client of one network: a call, over the first endpoint that answers. */
export type RpcClient = {
  request(call: { readonly method: string; readonly params?: readonly unknown[] }): Promise<unknown>;
};

export type CreateRpcClientOptions = {
  /** Per HTTP request (one batch); a hung RPC must not stall the watcher. Default 10 s. */
  readonly timeoutMs?: number | undefined;
  /**
   * Most JSON-RPC requests per HTTP batch. Hosted RPCs cap batches (often at 100 or less) and
   * answer larger ones with an error, so the default stays at 100.
   */
  readonly batchSize?: number | undefined;
  /**
   * Largest HTTP response accepted, a guard against a runaway RPC. A batch of full blocks of a
   * busy chain passes 10 MB easily, so the default is 64 MiB.
   */
  readonly maxResponseBytes?: number | undefined;
  /** The sockets of the network's `ws(s)://` URLs, when the caller shares them; else made here. */
  readonly sockets?: readonly RpcSocket[] | undefined;
};

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_BATCH_SIZE = 100;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
/** Rounds over every endpoint before a call fails, and the pause before the second and third. */
const ROUNDS = 3;
const ROUND_DELAY_MS = 150;

/** Whether an RPC URL is a websocket one (`ws://`, `wss://`), which also carries head subscriptions. */
export const isWebSocketUrl = (url: string): boolean => /^wss?:\/\//i.test(url);

/**
 * The endpoints of a network, websocket URLs first (a watcher step's reads from anvil on loopback:
 * 2 ms there against 12 ms over HTTP, batched), then its HTTP URLs, each group in the order given.
 */
export function createRpcEndpoints(network: Network, options: CreateRpcClientOptions = {}): RpcEndpoint[] {
  if (network.rpcUrls.length === 0) throw new Error(`network ${network.key} has no RPC URL`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sockets =
    options.sockets ?? network.rpcUrls.filter(isWebSocketUrl).map((url) => createRpcSocket(url, { timeoutMs }));
  const http = network.rpcUrls
    .filter((url) => !isWebSocketUrl(url))
    .map((url) =>
      createHttpRpcEndpoint(url, {
        timeoutMs,
        batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
        maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      }),
    );
  return [...sockets, ...http];
}

/**
 * A call goes to the first endpoint; any failure passes it to the next, and after the last the
 * round starts again, three rounds in all, 150 and 300 ms apart. A socket that is down and
 * waiting to reconnect fails at once, so the next URL is tried without delay. The last failure
 * is thrown, an `RpcCallError` naming its endpoint (or the socket's error, which carries `url`).
 */
export function createRpcClient(network: Network, options: CreateRpcClientOptions = {}): RpcClient {
  const endpoints = createRpcEndpoints(network, options);
  return {
    async request({ method, params = [] }) {
      let lastError: unknown;
      for (let round = 0; round < ROUNDS; round++) {
        if (round > 0) await new Promise((resolve) => setTimeout(resolve, ROUND_DELAY_MS * 2 ** (round - 1)));
        for (const endpoint of endpoints) {
          try {
            return await endpoint.request(method, params);
          } catch (error) {
            lastError = error;
          }
        }
      }
      throw lastError;
    },
  };
}
