import type { HeadEvent } from '../../../core/ChainReader.ts';

/** One websocket JSON-RPC endpoint: calls, and the node's `newHeads` announcements. */
export type RpcSocket = {
  readonly url: string;
  /**
   * One JSON-RPC call; a JSON-RPC error rejects with its `code`. While the socket is down and
   * waiting to reconnect it rejects at once, so a fallback transport moves on to the next URL.
   */
  request(method: string, params?: readonly unknown[]): Promise<unknown>;
  /**
   * Subscribes to `newHeads` and reports to `onEvent` until `signal` aborts: the socket stays
   * connected meanwhile, and a dropped one reconnects with exponential backoff and subscribes again.
   */
  watchHeads(onEvent: (event: HeadEvent) => void, signal: AbortSignal): void;
  /** Keeps the connection open between calls until `signal` aborts (else it closes when idle). */
  keepOpen(signal: AbortSignal): void;
};

export type CreateRpcSocketOptions = {
  /** Per call, and for the opening handshake. Default 10 s. */
  readonly timeoutMs?: number | undefined;
  /** First wait before reconnecting; doubles per failure in a row up to `maxBackoffMs`. Default 500. */
  readonly initialBackoffMs?: number | undefined;
  /** Default 30 s. */
  readonly maxBackoffMs?: number | undefined;
  /** A ping this often; a socket that has not answered the previous one is dropped. Default 15 s. */
  readonly keepAliveMs?: number | undefined;
};
