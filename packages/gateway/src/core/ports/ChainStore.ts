/** A block the watcher scanned, kept for a while to notice when the chain forks under it. */
export type ChainBlock = {
  readonly blockNumber: bigint;
  readonly blockHash: string;
  readonly parentHash: string;
};

/** A network watcher's cursor as stored: how far it has scanned, and when it last wrote. */
export type ChainCursor = {
  readonly networkKey: string;
  /** The next block to scan: the newest scanned block is one below. */
  readonly nextBlock: bigint;
  readonly updatedAtMs: number;
};

/** Where each network's watcher stands: its cursor and the recent block hashes. */
export type ChainStore = {
  /** The next block to scan, or null before the first start. */
  findCursor(networkKey: string): Promise<bigint | null>;
  /** Every network's cursor (for `get/network/height/info` and watcher health). */
  listCursors(): Promise<ChainCursor[]>;
  /** Stores the cursor unless one exists; returns the stored one (first writer wins). */
  initCursor(networkKey: string, nextBlock: bigint, nowMs: number): Promise<bigint>;
  setCursor(networkKey: string, nextBlock: bigint, nowMs: number): Promise<void>;
  /** Stores (or replaces) block hashes. */
  saveBlocks(networkKey: string, blocks: readonly ChainBlock[]): Promise<void>;
  findBlock(networkKey: string, blockNumber: bigint): Promise<ChainBlock | null>;
  /** Every kept block of the network, ascending. */
  listBlocks(networkKey: string): Promise<ChainBlock[]>;
  /** Forgets blocks at or above `fromBlock` (orphaned by a reorg). */
  deleteBlocksFrom(networkKey: string, fromBlock: bigint): Promise<void>;
  /** Forgets blocks below `belowBlock` (too old to be reorged). */
  pruneBlocks(networkKey: string, belowBlock: bigint): Promise<void>;
};
