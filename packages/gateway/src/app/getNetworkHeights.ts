import type { Network } from '../core/network.ts';
import type { Deps } from './Deps.ts';

export type GetNetworkHeightsDeps = Pick<Deps, 'store' | 'clock' | 'networks'>;

/** How far Kassa has followed one network. */
export type NetworkHeight = {
  readonly network: Network;
  /** The newest block the watcher has scanned; null before it first ran. */
  readonly height: bigint | null;
  /** The watcher never ran or has not moved its cursor for too long: payments there would be seen late. */
  readonly isLagging: boolean;
};

/** A watcher that has not written its cursor for this long is behind, whatever the chain's pace. */
export const MIN_LAG_MS = 120_000;
/** ... or for this many of the network's block times, on slow chains. */
export const LAG_BLOCKS = 20;

/**
 * Each offered network's scanned height, from the cursors the watchers store (the database is the
 * truth: a watcher may run in another process), and whether the watcher is keeping up.
 */
export async function getNetworkHeights(deps: GetNetworkHeightsDeps): Promise<NetworkHeight[]> {
  const cursors = await deps.store.chain.listCursors();
  const byKey = new Map(cursors.map((c) => [c.networkKey, c]));
  const nowMs = deps.clock.now();
  return deps.networks.map((network) => {
    const cursor = byKey.get(network.key);
    if (cursor === undefined) return { network, height: null, isLagging: true };
    const lagLimitMs = Math.max(MIN_LAG_MS, LAG_BLOCKS * network.blockTimeSeconds * 1000);
    return {
      network,
      // The cursor names the next block to scan; a fresh cursor at block 0 has scanned nothing.
      height: cursor.nextBlock > 0n ? cursor.nextBlock - 1n : 0n,
      isLagging: nowMs - cursor.updatedAtMs > lagLimitMs,
    };
  });
}
