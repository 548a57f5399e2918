import type { Transfer } from './network.ts';
import type { ChainBlock } from './ports.ts';

/** Which deposit addresses to look for: a hash-set lookup of a lower-cased address. */
export type IsWatched = (lowercaseAddress: `0x${string}`) => boolean;

/**
 * What a head subscription reports: a new head the node announced, the subscription (re)established,
 * or the subscription lost (reconnecting after `retryInMs`).
 */
export type HeadEvent =
  | { readonly kind: 'head'; readonly blockNumber: bigint }
  | { readonly kind: 'up' }
  | { readonly kind: 'down'; readonly error: unknown; readonly retryInMs: number };

/** Reads one network's chain for the watcher. Each kind's adapter implements it over JSON-RPC. */
export type ChainReader = {
  /** The newest block the node knows. */
  getHead(): Promise<ChainBlock>;
  /**
   * Present when the network confirms by finality (TRON: the newest solidified block): the newest
   * block the node reports final. A payment in it or below counts, however few blocks are above it.
   */
  getFinalizedBlockNumber?(): Promise<bigint>;
  /** The canonical block at this height, or null above the head. */
  getBlock(blockNumber: bigint): Promise<ChainBlock | null>;
  /**
   * The transfers into watched addresses in blocks `fromBlock..toBlock` (inclusive, not past the
   * head), and every block of the range, ascending, each the parent of the next. Throws when the
   * chain changed between its reads; the caller retries.
   */
  scanBlockRange(p: {
    readonly fromBlock: bigint;
    readonly toBlock: bigint;
    readonly isWatched: IsWatched;
  }): Promise<{ readonly transfers: readonly Transfer[]; readonly blocks: readonly ChainBlock[] }>;
  /**
   * Present when the node can announce new heads (a websocket `newHeads` subscription): reports
   * them to `onEvent` until `signal` aborts, reconnecting with backoff when the connection drops.
   * Announcements only hint that there is news: one may be lost, so the watcher never relies on them.
   */
  watchHeads?(onEvent: (event: HeadEvent) => void, signal: AbortSignal): void;
};
