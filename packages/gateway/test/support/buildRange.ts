import type { RecordTransfersParameters } from '../../src/app/recordTransfers.ts';
import type { Transfer } from '../../src/core/network.ts';
import type { ChainBlock, WatchedQuote } from '../../src/core/ports.ts';
import { SYNTHETIC_NETWORK } from './syntheticNetwork.ts';

/** A range commit of `blocks` on `SYNTHETIC_NETWORK` that finds `transfers`, each paying the quote of its address. */
export function buildRange(
  blocks: readonly ChainBlock[],
  transfers: readonly Transfer[],
  quotes: readonly WatchedQuote[],
): RecordTransfersParameters {
  const byAddress = new Map(quotes.map((q) => [q.address, q]));
  return {
    network: SYNTHETIC_NETWORK,
    blocks,
    transfers,
    findQuote: (address) => byAddress.get(address),
    retainedBlocks: 256,
  };
}
