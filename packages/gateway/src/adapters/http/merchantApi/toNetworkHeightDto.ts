import type { NetworkHeight as NetworkHeightDto } from '@kassa/sdk';
import type { NetworkHeight } from '../../../app/getNetworkHeights.ts';
import { wireChainOf } from '../../../protocol/wireChainOf.ts';

/**
 * One `get/network/height/info` item (spec §9). The height is the newest block Kassa has scanned
 * (0 before the watcher first ran): what a merchant compares a payment's block against.
 */
export function toNetworkHeightDto({ network, height }: NetworkHeight): NetworkHeightDto {
  return {
    chain: wireChainOf(network),
    current_chain_height: Number(height ?? 0n),
    tx_confirm_block_num: network.confirmations,
    block_rate: network.blockTimeSeconds,
  };
}
